package dev.vis.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PromptsReaderTest {
  @TempDir Path dir;

  private List<String> problems(String prompts) {
    return new SpecFixture(dir).problems(SpecFixture.withPrompts(prompts));
  }

  /** A prompts section the reader refuses, and every problem it reports, in order. */
  record Refusal(String what, String prompts, List<String> problems) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Refusal refusal(String what, String prompts, String... problems) {
    return new Refusal(what, prompts, List.of(problems));
  }

  @ParameterizedTest(name = "refuse {0}")
  @MethodSource("refusals")
  void refuse(Refusal refusal) {
    assertThat(problems(refusal.prompts())).containsExactlyElementsOf(refusal.problems());
  }

  static List<Refusal> refusals() {
    return List.of(
        refusal(
            "an unknown placeholder with a did-you-mean",
            """
            prompts:
              - id: crm-{segment}
                text: Best CRM for a {segmnt}?
                vars: {segment: [smb]}
            """,
            "spec.yaml:6:5: prompts[0].text: unknown {segmnt} (did you mean {segment}?)"),
        refusal(
            "a placeholder in a prompt without vars",
            "prompts:\n  - id: p1\n    text: Best CRM for {segment}?\n",
            "spec.yaml:6:5: prompts[0].text: unknown {segment}: this prompt has no vars"),
        refusal(
            "an id without every var, because ids would clash",
            """
            prompts:
              - id: crm
                text: Best CRM for a {segment}?
                vars: {segment: [smb, enterprise]}
            """,
            "spec.yaml:5:5: prompts[0].id: must contain {segment} so that each combination of"
                + " vars gets its own id"),
        refusal(
            "an empty list of values",
            """
            prompts:
              - id: crm-{segment}
                text: Best CRM for a {segment}?
                vars: {segment: []}
            """,
            "spec.yaml:7:12: prompts[0].vars.segment: must not be empty"),
        refusal(
            "two values with one slug in one error naming both",
            """
            prompts:
              - id: crm-{segment}-{city}
                text: Best CRM for a {segment} in {city}?
                vars:
                  segment: [law firm, startup, Law-Firm]
                  city: [New York, Paris, Berlin]
            """,
            "spec.yaml:8:36: prompts[0].vars.segment[2]: 'law firm' and 'Law-Firm' both make the"
                + " id part 'law-firm' (ids take each value in lower case, with a - for each run"
                + " of other characters); make them differ in a letter or digit, or keep one"),
        refusal(
            "a value listed twice, once",
            """
            prompts:
              - id: crm-{segment}
                text: Best CRM for a {segment}?
                vars: {segment: [smb, agency, smb, smb]}
            """,
            "spec.yaml:7:35: prompts[0].vars.segment[2]: 'smb' is listed 3 times"),
        refusal(
            "a value with no letter or digit for the id",
            """
            prompts:
              - id: crm-{segment}
                text: Best CRM for a {segment}?
                vars: {segment: [smb, "???"]}
            """,
            "spec.yaml:7:27: prompts[0].vars.segment[1]: '???' has no letter or digit to put in"
                + " the prompt id"),
        refusal(
            "whitespace in the id once, not once per combination",
            """
            prompts:
              - id: crm for {segment}
                text: Best CRM for a {segment}?
                vars: {segment: [smb, agency, enterprise]}
            """,
            "spec.yaml:5:5: prompts[0].id: prompt id 'crm for {segment}' must not contain"
                + " whitespace"),
        refusal(
            "an unknown placeholder once, where it is first written",
            """
            prompts:
              - id: crm-{segmnt}
                text: Best CRM for a {segmnt} in {city}?
                vars: {segment: [smb, agency, enterprise], city: [Paris, Rome]}
            """,
            "spec.yaml:5:5: prompts[0].id: unknown {segmnt} (did you mean {segment}?)",
            "spec.yaml:5:5: prompts[0].id: must contain {city} so that each combination of vars"
                + " gets its own id"),
        refusal(
            "ids that one matrix repeats from another, in one error",
            """
            prompts:
              - id: crm-{segment}
                text: Best CRM for a {segment}?
                vars: {segment: [smb, agency, enterprise, school, shop]}
              - id: crm-{segment}
                text: Which CRM does a {segment} need?
                vars: {segment: [smb, agency, enterprise, school, shop]}
            """,
            "spec.yaml:8:5: prompts[1].id: duplicate prompt ids 'crm-smb', 'crm-agency',"
                + " 'crm-enterprise' and 2 more (first at spec.yaml:5:5)"),
        refusal(
            "an id that is not unique after expansion",
            """
            prompts:
              - id: crm-smb
                text: Best CRM for a small business?
              - id: crm-{segment}
                text: Best CRM for a {segment}?
                vars: {segment: [startup, smb]}
            """,
            "spec.yaml:7:5: prompts[1].id: duplicate prompt id 'crm-smb' (first at"
                + " spec.yaml:5:5)"),
        refusal(
            "an empty id",
            "prompts: [{id: \"\", text: Hi}]\n",
            "spec.yaml:4:12: prompts[0].id: prompt id must not be empty"));
  }

  @Nested
  class Matrices {
    @Test
    void give_ids_the_slug_of_each_value_texts_the_value_as_written_and_a_tag_per_var() {
      RunSpec run =
          new SpecFixture(dir)
              .load(
                  SpecFixture.withPrompts(
                      """
                      prompts:
                        - id: crm-{segment}-{city}
                          text: Which CRM would a {segment} in {city} pick?
                          tags: [local]
                          vars:
                            segment: [law firm, "Dental Practice"]
                            city: [New York, São Paulo]
                      """));

      assertThat(run.prompts())
          .first()
          .isEqualTo(
              new PromptSpec(
                  "crm-law-firm-new-york",
                  "Which CRM would a law firm in New York pick?",
                  List.of("local", "segment=law firm", "city=New York")));
      assertThat(run.prompts())
          .extracting(PromptSpec::id)
          .containsExactly(
              "crm-law-firm-new-york",
              "crm-law-firm-são-paulo",
              "crm-dental-practice-new-york",
              "crm-dental-practice-são-paulo");
    }

    @Test
    void slug_runs_of_other_characters_into_one_dash_and_none_at_the_ends() {
      assertThat(PromptMatrix.slug("Law Firm")).isEqualTo("law-firm");
      assertThat(PromptMatrix.slug("  C++ / .NET shop ")).isEqualTo("c-net-shop");
      assertThat(PromptMatrix.slug("B2B (SaaS)")).isEqualTo("b2b-saas");
      assertThat(PromptMatrix.slug("?!")).isEmpty();
    }
  }

  @Nested
  class CsvFiles {
    @Test
    void are_read_relative_to_the_spec_with_quoting_and_tags() throws IOException {
      Files.createDirectories(dir.resolve("data"));
      Files.writeString(
          dir.resolve("data/prompts.csv"),
          """
          \uFEFFid,text,tags\r
          p2,"Which CRM, honestly?",a; b|c\r
          \r
          p3,"Say ""hi""
          twice",\r
          """);

      RunSpec run =
          new SpecFixture(dir)
              .load(
                  SpecFixture.withPrompts(
                      """
                      prompts:
                        - {id: p1, text: Hi}
                        - file: data/prompts.csv
                      """));

      assertThat(run.prompts())
          .containsExactly(
              new PromptSpec("p1", "Hi", List.of()),
              new PromptSpec("p2", "Which CRM, honestly?", List.of("a", "b", "c")),
              new PromptSpec("p3", "Say \"hi\"\ntwice", List.of()));
    }

    @Test
    void may_name_their_columns_in_any_order_and_leave_out_tags() throws IOException {
      Files.writeString(dir.resolve("p.csv"), "text,id\nHi there,p9\n");

      RunSpec run =
          new SpecFixture(dir).load(SpecFixture.withPrompts("prompts: [{file: p.csv}]\n"));

      assertThat(run.prompts()).containsExactly(new PromptSpec("p9", "Hi there", List.of()));
    }

    @Test
    void that_are_missing_are_located_at_the_file_field() {
      assertThat(problems("prompts:\n  - file: nope.csv\n"))
          .containsExactly(
              "spec.yaml:5:5: prompts[0].file: cannot read nope.csv: no such file (the path is"
                  + " relative to the spec file)");
    }

    @Test
    void report_their_own_lines() throws IOException {
      Files.writeString(
          dir.resolve("p.csv"),
          """
          id,text
          p1,Hi
          p2
          p3,"Unclosed
          """);

      assertThat(problems("prompts:\n  - {id: p1, text: Hello}\n  - file: p.csv\n"))
          .containsExactly(
              "p.csv:2:1: id: duplicate prompt id 'p1' (first at spec.yaml:5:6)",
              "p.csv:3:1: expected 2 columns, found 1",
              "p.csv:4:4: unterminated quoted field (a \" is never closed)");
    }

    @Test
    void need_a_header_naming_id_and_text() throws IOException {
      Files.writeString(dir.resolve("p.csv"), "id,question\np1,Hi\n");

      assertThat(problems("prompts: [{file: p.csv}]\n"))
          .containsExactly("p.csv:1:4: unknown column 'question'; the columns are id,text[,tags]");
    }

    @Test
    void suggest_a_column_name_close_to_a_known_one() throws IOException {
      Files.writeString(dir.resolve("p.csv"), "id,txt\np1,Hi\n");

      assertThat(problems("prompts: [{file: p.csv}]\n"))
          .containsExactly(
              "p.csv:1:4: unknown column 'txt' (did you mean 'text'?); the columns are"
                  + " id,text[,tags]");
    }

    @Test
    void with_a_header_and_nothing_else_are_refused() throws IOException {
      Files.writeString(dir.resolve("p.csv"), "id,text\n");

      assertThat(problems("prompts: [{file: p.csv}]\n"))
          .containsExactly("p.csv: has a header but no prompts");
    }

    @Test
    void are_named_as_the_spec_was_when_it_sits_in_a_folder() throws IOException {
      Files.createDirectories(dir.resolve("conf"));
      Files.writeString(dir.resolve("conf/p.csv"), "id,text\n,Hi\n");
      Path spec =
          Files.writeString(
              dir.resolve("conf/spec.yaml"), SpecFixture.withPrompts("prompts: [{file: p.csv}]\n"));

      assertThat(catchThrowable(() -> SpecLoader.load(spec, Map.of())))
          .hasMessage(dir.resolve("conf/p.csv") + ":2:1: id: prompt id must not be empty");
    }
  }
}
