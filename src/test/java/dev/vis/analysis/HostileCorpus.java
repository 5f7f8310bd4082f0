package dev.vis.analysis;

import dev.vis.provider.ProviderRequest;
import dev.vis.provider.SimProvider;
import dev.vis.spec.BrandSpec;
import dev.vis.spec.SimSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * A large, varied and deterministic corpus of answers for the analysis: sim answers from many seeds
 * and prompts, each also rewritten in hostile ways (CRLF, accents and combining marks, surrogate
 * pairs and split ones, non-breaking and full-width forms, nested lists, links, chips, URLs with
 * {@code utm_} parameters, headings, tables, truncation).
 */
final class HostileCorpus {
  private static final String[] INSERTS = {
    "😀",
    "𝐀𝐜𝐦𝐞",
    "\u00A0",
    "\u200B",
    "\u00AD",
    "™",
    "ﬁ",
    "İ",
    "ΣΑΣ ",
    "\u0301",
    "\t",
    "  ",
    "\r\n",
    "\n\n",
    " — ",
    "“",
    "’s",
    "推荐",
    "Acme를 ",
    "**",
    "__",
    "[",
    "](",
    ")",
    "([3](https://x.example/a?utm_source=z))",
    " https://globex.example/p?utm_medium=a&b=1#top. ",
    " [1]: https://acmecrm.example/doc\n",
    " [acmecrm.example](https://acmecrm.example/x?utm_campaign=q) ",
    " (see [Hooli](https://hooli.example/) and [2](https://b.example)) ",
    " www.hooli.example/pricing, ",
    " docs.globex.example ",
    " user@initech.example ",
    "\n  - nested **Stark**: fine\n",
    "\n\t1. Wayne — tab item\n",
    "\n### 3. Soylent\n",
    "\n## Tyrell\n\n## Cyberdyne\n",
    "\n| Acme CRM | 1 |\n",
    "\n---\n",
    "\n**1. Umbrella** — bold item\n",
    "\n7) Globex, Hooli and Zendesk\n",
    " Nestlé, L'Oréal and Totême ",
    " Smith and Jones / Demand-IQ vs DemandIQ ",
    " Ｇｌｏｂｅｘ ",
    " e\u0301 ",
    " Ωmega, İnitech, ß ",
    "\uD835",
    "\uDC00",
  };

  private HostileCorpus() {}

  /** {@code answers} sim answers per model seed for {@code brands}, then rewritten copies. */
  static List<String> of(List<BrandSpec> brands, int seeds, int answers) {
    List<String> texts = new ArrayList<>();
    for (int seed = 1; seed <= seeds; seed++) {
      SimProvider sim = new SimProvider(new SimSpec(seed, Map.of()), brands);
      for (int a = 0; a < answers; a++) {
        texts.add(sim(sim, a));
      }
    }
    SplittableRandom rng = new SplittableRandom(15);
    int n = texts.size();
    for (int i = 0; i < n; i++) {
      texts.add(rewrite(texts.get(i), rng));
    }
    texts.addAll(HANDWRITTEN);
    return texts;
  }

  /** Provider sources for some answers, so every citation path is taken. */
  static List<SourceRef> sources(int index) {
    return switch (index % 4) {
      case 0 -> List.of();
      case 1 ->
          List.of(
              new SourceRef(
                  "https://vertex.example/redirect/1", Optional.of("hooli.example"), kind(true)),
              new SourceRef(
                  "https://globex.example/p?utm_source=x", Optional.empty(), kind(false)));
      case 2 ->
          List.of(
              new SourceRef("https://www.acmecrm.example/a#b", Optional.of("A title"), kind(true)));
      default ->
          List.of(new SourceRef("https://docs.initech.example/", Optional.empty(), kind(false)));
    };
  }

  private static CitationKind kind(boolean cited) {
    return cited ? CitationKind.CITED : CitationKind.RETRIEVED;
  }

  private static String sim(SimProvider sim, int a) {
    ProviderRequest request =
        new ProviderRequest(
            "sim",
            "Which CRM is best for team " + (a % 37) + "?",
            Optional.empty(),
            OptionalDouble.empty(),
            OptionalInt.empty(),
            false,
            Duration.ofSeconds(5),
            a / 37 + 1,
            "p" + (a % 37));
    try {
      return sim.call(request).text();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rewrite(String text, SplittableRandom rng) {
    String out = text;
    if (rng.nextInt(4) == 0) {
      out = out.replace("\n", "\r\n");
    }
    if (rng.nextInt(4) == 0) {
      out = out.replace('e', 'é').replace("o", "o\u0308");
    }
    if (rng.nextInt(5) == 0) {
      out = out.replace(" ", "\u00A0");
    }
    if (rng.nextInt(4) == 0) {
      out = out.replace("\n- ", "\n    - ").replace("\n2. ", "\n   * ");
    }
    StringBuilder b = new StringBuilder(out);
    int inserts = rng.nextInt(12);
    for (int k = 0; k < inserts; k++) {
      int at = rng.nextInt(b.length() + 1);
      b.insert(at, INSERTS[rng.nextInt(INSERTS.length)]);
    }
    if (rng.nextInt(6) == 0 && b.length() > 0) {
      b.setLength(rng.nextInt(b.length()));
    }
    return b.toString();
  }

  private static final List<String> HANDWRITTEN =
      List.of(
          "",
          " ",
          "\n",
          "Acme",
          "acme crm",
          "ACME CRM\r\n\r\n1. Acme CRM\r\n2. Globex\r\n",
          "1. 1. 1.\n1. Hooli\n1. Stark\n1. Wayne",
          "3. Globex\n4. Hooli\n\nText.\n\n5. Stark\n6. Wayne\n\n- Initech\n- Umbrella",
          "- **Acme CRM**\n  - Globex\n    - Hooli\n- Stark\n\n  continued Wayne\nParagraph Tyrell",
          "[Acme CRM](https://acmecrm.example) is good; [acmecrm.example](https://acmecrm.example)",
          "([globex.example](https://globex.example/x)) ([1](https://a.example), [2](https://b))",
          "[1]: https://hooli.example/?utm_source=a&utm_medium=b\n[^2]: https://stark.example/x",
          "See https://wayne.example/page?a=1&utm_term=x#frag). And (https://tyrell.example/a(b))",
          "www.acmecrm.example, docs.globex.example/pricing and my-hooli.example or hooli.example.au",
          "𝐀𝐜𝐦𝐞 CRM 😀 Acme\u00A0CRM Acme\u2011CRM AcmeCRM Acme-CRM Ａｃｍｅ ＣＲＭ",
          "推荐Acme CRM和Globex。Acme를 추천",
          "## Warmly\n\n## HubSpot\n\n### Sub\n\n## Globex\n## Hooli\n## Stark",
          "### 2. Globex\n### 3. Hooli\n# 1. Stark",
          "**1. Acme CRM** — first\n**2. Globex** — second\n**Note:** Hooli",
          "Acme CRM, Zendesk and Freshdesk; Globex / Pipedrive vs Monday.com, or Zoho CRM",
          "- Zendesk: great\n- **Freshdesk** — fine\n- [Pipedrive](https://pipedrive.example)",
          "\uD835\uDC00\uD835 lone \uDC00 surrogate Acme CRM\uD835",
          "Nestlé Nestle NESTLÉ L'Oréal L’Oreal Totême Toteme Σίσυφος ΣΊΣΥΦΟΣ",
          "Smith & Jones, Smith and Jones, SMITH AND JONES, Smith&Jones, Smithand Jones",
          "Demand IQ, Demand-IQ, DemandIQ, Demand\nIQ, Demand\r\n\r\nIQ",
          "Instantly.ai and instantly.ai/pricing, e-mail a@instantly.ai",
          "apple pie, Apple, APPLE, Apple Pie recipes, apple",
          "| Brand | Rank |\n|---|---|\n| Acme CRM | 1 |\n| Globex | 2 |",
          "* * *\n- - -\n___\n- Hooli",
          "\t- Wayne\n\t\t- Stark\n  \t1) Tyrell\n10) Cyberdyne\n11) Soylent");
}
