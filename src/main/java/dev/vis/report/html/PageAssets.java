package dev.vis.report.html;

/**
 * The style sheet and sorting script every page inlines, and the Content-Security-Policy that
 * allows exactly those two and forbids fetching anything at all.
 *
 * @param style the page's CSS
 * @param script the table-sorting script; the page reads fully without it
 */
public record PageAssets(InlineAsset style, InlineAsset script) {
  private static final PageAssets SHIPPED =
      new PageAssets(InlineAsset.load("report.css"), InlineAsset.load("sort.js"));

  /** The assets inside vis, read once. */
  static PageAssets shipped() {
    return SHIPPED;
  }

  /** {@code default-src 'none'}: no fetch of any kind; only these inline style and script run. */
  public String contentSecurityPolicy() {
    return "default-src 'none'; style-src "
        + style.hash()
        + "; script-src "
        + script.hash()
        + "; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none';"
        + " form-action 'none'";
  }
}
