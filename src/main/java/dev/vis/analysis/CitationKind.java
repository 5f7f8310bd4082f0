package dev.vis.analysis;

/** Whether an answer cites a source or a search only retrieved it. */
public enum CitationKind {
  /** In the answer text or its annotations. */
  CITED,
  /** In search results the answer did not cite. */
  RETRIEVED;

  /** The lower-case name used in exports ({@code cited}, {@code retrieved}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
