package dev.vis.cli;

/** How progress is shown on stderr. */
enum ProgressMode {
  /** A live line on a terminal, plain periodic lines otherwise. */
  AUTO,
  /** Plain periodic lines. */
  PLAIN,
  /** Nothing. */
  NONE
}
