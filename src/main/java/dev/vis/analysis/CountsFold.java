package dev.vis.analysis;

import dev.vis.spec.BrandSpec;
import dev.vis.spec.ModelSpec;
import dev.vis.spec.PromptSpec;
import dev.vis.spec.RunSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds scored answers one at a time into a run's {@link RunCounts}. Not thread-safe: one thread
 * adds, then takes the counts.
 */
public final class CountsFold {
  private final Map<String, Integer> brandIndex;
  private final Map<String, Integer> promptIndex;
  private final Map<String, Integer> modelIndex;

  /** [prompt][model][grounded]: null until an answer arrives */
  private final Group[][][] groups;

  /** [prompt][grounded]: cited domain to its counts, in the order first cited */
  private final List<Map<String, Domain>> domains;

  private long answers;

  /**
   * @param spec the run's spec: its brands, prompts and models index the counts
   */
  public CountsFold(RunSpec spec) {
    brandIndex = indexOf(spec.brands().stream().map(BrandSpec::name).toList());
    promptIndex = indexOf(spec.prompts().stream().map(PromptSpec::id).toList());
    modelIndex = indexOf(spec.models().stream().map(ModelSpec::id).toList());
    groups = new Group[spec.prompts().size()][spec.models().size()][];
    domains = new ArrayList<>();
    for (int i = 0; i < spec.prompts().size() * 2; i++) {
      domains.add(null);
    }
  }

  /** The index of each key, the first one's where a key repeats. */
  static Map<String, Integer> indexOf(List<String> keys) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      index.putIfAbsent(keys.get(i), i);
    }
    return index;
  }

  /** Counts one answer. */
  public void add(ScoredAnswer answer) {
    answers++;
    Integer prompt = promptIndex.get(answer.promptId());
    Integer model = modelIndex.get(answer.modelId());
    if (prompt == null || model == null) {
      return;
    }
    int g = answer.grounded() ? 1 : 0;
    Group[] cell = groups[prompt][model];
    if (cell == null) {
      cell = new Group[2];
      groups[prompt][model] = cell;
    }
    if (cell[g] == null) {
      cell[g] = new Group(brandIndex.size());
    }
    cell[g].add(AnswerFacts.of(answer, brandIndex));
    Set<String> seen = new HashSet<>();
    for (Citation citation : answer.citations()) {
      if (citation.kind() == CitationKind.CITED && seen.add(citation.domain())) {
        int at = prompt * 2 + g;
        if (domains.get(at) == null) {
          domains.set(at, new LinkedHashMap<>());
        }
        domains
            .get(at)
            .computeIfAbsent(citation.domain(), d -> new Domain(citation.brand()))
            .answers++;
      }
    }
  }

  /** The counts of the answers added so far. */
  public RunCounts counts() {
    List<GroupCounts> list = new ArrayList<>();
    for (int p = 0; p < groups.length; p++) {
      for (int m = 0; m < groups[p].length; m++) {
        Group[] cell = groups[p][m];
        for (int g = 0; cell != null && g < 2; g++) {
          if (cell[g] != null) {
            list.add(cell[g].counts(p, m, g == 1));
          }
        }
      }
    }
    List<DomainCounts> cited = new ArrayList<>();
    for (int at = 0; at < domains.size(); at++) {
      Map<String, Domain> map = domains.get(at);
      if (map != null) {
        int prompt = at / 2;
        boolean grounded = at % 2 == 1;
        map.forEach(
            (domain, d) ->
                cited.add(new DomainCounts(prompt, grounded, domain, d.brand, d.answers)));
      }
    }
    return new RunCounts(answers, list, cited);
  }

  /** The running counts of one (prompt, model, grounding). */
  private static final class Group {
    private final long[][] counted;
    private final long[] mentions;
    private final long[][] positions;
    private long answers;

    Group(int brands) {
      counted = new long[GroupCounts.COUNTED][brands];
      mentions = new long[brands];
      positions = new long[brands][0];
    }

    void add(AnswerFacts facts) {
      answers++;
      for (int c = 0; c < counted.length; c++) {
        boolean[] counts = facts.counted[c];
        long[] sums = counted[c];
        for (int b = 0; b < sums.length; b++) {
          if (counts[b]) {
            sums[b]++;
          }
        }
      }
      for (int b = 0; b < mentions.length; b++) {
        if (facts.names(b)) {
          mentions[b] += facts.counts[b];
          // a stored position below 1 cannot come from the analysis; it counts as first
          int at = Math.max(1, facts.positions[b]) - 1;
          if (at >= positions[b].length) {
            positions[b] = java.util.Arrays.copyOf(positions[b], at + 1);
          }
          positions[b][at]++;
        }
      }
    }

    GroupCounts counts(int prompt, int model, boolean grounded) {
      return new GroupCounts(prompt, model, grounded, answers, counted, mentions, positions);
    }
  }

  /** The answers citing one domain. */
  private static final class Domain {
    private final Optional<String> brand;
    private long answers;

    Domain(Optional<String> brand) {
      this.brand = brand;
    }
  }
}
