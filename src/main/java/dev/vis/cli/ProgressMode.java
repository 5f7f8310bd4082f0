package dev.vis.cli;

import dev.vis.report.Choice;

/** How progress is shown on stderr. */
enum ProgressMode implements Choice {
  /** A live line on a terminal, plain periodic lines otherwise. */
  AUTO,
  /** Plain periodic lines. */
  PLAIN,
  /** Nothing. */
  NONE
}
