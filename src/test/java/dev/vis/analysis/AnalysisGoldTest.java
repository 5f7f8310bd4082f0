package dev.vis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vis.spec.BrandSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analysis of a large hostile corpus ({@link HostileCorpus}) stays exactly what it was: every
 * mention, citation, explained and ignored stretch, presented name and the untracked list, answer
 * by answer, against digests recorded from the implementation before it was made faster. A change
 * of behaviour on purpose rewrites them with {@code -Dgolden.update=true}.
 */
class AnalysisGoldTest {
  private static final Path DIR = Path.of("src", "test", "resources", "golden", "analysis");

  static final List<BrandSpec> BENCH =
      List.of(
          brand("Acme CRM", "acmecrm.example"),
          brand("Globex", "globex.example"),
          brand("Initech", "initech.example"),
          brand("Umbrella", "umbrella.example"),
          brand("Hooli", "hooli.example"),
          brand("Stark", "stark.example"),
          brand("Wayne", "wayne.example"),
          brand("Cyberdyne", "cyberdyne.example"),
          brand("Soylent", "soylent.example"),
          brand("Tyrell", "tyrell.example"));

  static final List<BrandSpec> VARIED =
      List.of(
          new BrandSpec(
              "Acme CRM",
              List.of("AcmeCRM", "Acme"),
              List.of("acmecrm.example", "https://www.acme.example/"),
              List.of("Acme CRM Academy", "acme pie"),
              true,
              false,
              false),
          new BrandSpec(
              "Globex", List.of(), List.of("globex.example"), List.of(), false, false, false),
          new BrandSpec(
              "Hooli", List.of(), List.of("hooli.example"), List.of(), false, true, false),
          new BrandSpec(
              "Nestlé",
              List.of("Nestle Waters"),
              List.of("nestle.example"),
              List.of(),
              false,
              false,
              false),
          new BrandSpec("L'Oréal", List.of(), List.of(), List.of(), false, false, true),
          brand("Smith & Jones", "smithjones.example"),
          brand("Demand IQ", "demandiq.example"),
          brand("Instantly.ai", "instantly.ai"),
          new BrandSpec("Apple", List.of(), List.of(), List.of("Apple pie"), false, true, false),
          brand("Σίσυφος", "sisyphus.example"),
          brand("Totême", "toteme.example"),
          brand("Initech", "initech.example"),
          brand("Stark", "stark.example"),
          brand("Wayne", "wayne.example"));

  @ParameterizedTest
  @ValueSource(strings = {"bench", "varied"})
  void the_analysis_of_a_hostile_corpus_is_unchanged(String set) throws IOException {
    List<BrandSpec> brands = set.equals("bench") ? BENCH : VARIED;
    List<String> texts = HostileCorpus.of(brands, 12, 200);
    AnswerAnalyzer analyzer = new AnswerAnalyzer(brands);
    PresentedNames presented =
        new PresentedNames(
            PresentedNames.Tracked.of(
                brands.stream().flatMap(brand -> brand.terms().stream()).toList()));
    List<String> lines = new ArrayList<>();
    List<String> renderings = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      StringBuilder r = new StringBuilder();
      r.append(analyzer.analyze(text, HostileCorpus.sources(i))).append('\n');
      r.append(analyzer.explain(text)).append('\n');
      presented.find(text, (name, key) -> r.append(name).append('=').append(key).append(';'));
      renderings.add(r.toString());
      lines.add(i + " " + digest(r.toString()));
    }
    lines.add("untracked " + UntrackedBrands.of(brands, sink -> texts.forEach(sink)));
    Path file = DIR.resolve(set + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.write(file, lines, StandardCharsets.UTF_8);
      return;
    }
    List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSameSizeAs(expected);
    for (int i = 0; i < lines.size(); i++) {
      if (i < texts.size()) {
        assertThat(lines.get(i))
            .as("answer %d of %s: %s%nnow reads as:%n%s", i, set, texts.get(i), renderings.get(i))
            .isEqualTo(expected.get(i));
      } else {
        assertThat(lines.get(i)).isEqualTo(expected.get(i));
      }
    }
  }

  private static BrandSpec brand(String name, String domain) {
    return new BrandSpec(name, List.of(), List.of(domain), List.of(), false, false, false);
  }

  private static String digest(String rendering) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(rendering.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
