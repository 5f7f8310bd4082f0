package dev.vis.report;

import dev.vis.VisException;
import dev.vis.analysis.BrandFigures;
import dev.vis.analysis.Cell;
import dev.vis.analysis.Proportion;
import dev.vis.analysis.RateMetric;
import dev.vis.analysis.RunTallies;
import dev.vis.analysis.TallyModel;
import dev.vis.analysis.TrendChanges;
import dev.vis.store.RunStatus;
import dev.vis.store.RunSummary;
import dev.vis.store.ServedModel;
import dev.vis.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds a trend from the store: the newest done runs of one spec name. */
public final class Trends {
  private Trends() {}

  /**
   * The trend of spec {@code name} over its newest {@code last} done runs.
   *
   * @throws VisException with exit code 2 when no run has that name or none of them is done
   */
  public static Trend build(Store db, String name, int last, double alpha) {
    List<RunSummary> named =
        db.runs().stream()
            .filter(r -> r.name().equals(name))
            .sorted(Comparator.comparing(RunSummary::createdAt).thenComparing(RunSummary::id))
            .toList();
    if (named.isEmpty()) {
      Set<String> names = new LinkedHashSet<>();
      db.runs().forEach(r -> names.add(r.name()));
      throw VisException.usage(
          "no run of a spec named '"
              + name
              + "' in this database"
              + (names.isEmpty()
                  ? " (it has no runs)"
                  : " (spec names: " + String.join(", ", names) + ")")
              + "; the name is the spec's name: field, not its file");
    }
    List<RunSummary> done = named.stream().filter(r -> r.status() == RunStatus.DONE).toList();
    if (done.isEmpty()) {
      throw VisException.usage(
          "no done run of '"
              + name
              + "' ("
              + named.size()
              + (named.size() == 1 ? " run, not done" : " runs, none done")
              + "): finish one with vis run SPEC --resume, then run vis trend again");
    }
    List<RunSummary> window = done.subList(Math.max(0, done.size() - last), done.size());
    List<LoadedRun> loaded = window.stream().map(r -> ReportLoader.load(db, r, false)).toList();
    LoadedRun newest = loaded.getLast();
    Set<String> brandNames = new LinkedHashSet<>(newest.metrics().tallies().brands());
    for (int i = loaded.size() - 2; i >= 0; i--) {
      brandNames.addAll(loaded.get(i).metrics().tallies().brands());
    }
    List<Trend.Series> series = new ArrayList<>();
    for (String brand : brandNames) {
      List<Trend.Point> points = new ArrayList<>();
      for (LoadedRun run : loaded) {
        BrandFigures f = headline(run).get(brand);
        points.add(
            new Trend.Point(
                run.facts().runId(),
                f == null ? Proportion.none() : f.mentionRate(),
                f == null ? Proportion.none() : f.rate(RateMetric.SHARE_OF_VOICE)));
      }
      series.add(new Trend.Series(brand, newest.primaryBrands().contains(brand), points));
    }
    List<RunTallies> tallies = loaded.stream().map(r -> r.metrics().tallies()).toList();
    return new Trend(
        name,
        alpha,
        loaded.stream().map(Trends::run).toList(),
        series,
        TrendChanges.of(tallies, List.copyOf(brandNames), alpha),
        markers(loaded));
  }

  /**
   * The headline figures of a run: the overall cell with most answers, as the report leads with.
   */
  static Map<String, BrandFigures> headline(LoadedRun run) {
    Cell cell =
        run.metrics().headline().overall().stream()
            .max(Comparator.comparingLong(Cell::answers))
            .orElse(null);
    if (cell == null) {
      return Map.of();
    }
    return cell.brands().stream()
        .collect(Collectors.toMap(BrandFigures::brand, Function.identity(), (a, b) -> a));
  }

  private static Trend.Run run(LoadedRun run) {
    return new Trend.Run(
        run.facts().runId(),
        run.facts().startedAt(),
        run.facts().answers(),
        run.metrics().tallies().models().stream().map(Trends::model).toList(),
        run.facts().servedModels());
  }

  private static String model(TallyModel m) {
    return m.id()
        + " ("
        + m.provider()
        + " "
        + m.model()
        + (m.webSearch() ? ", web search" : "")
        + ")";
  }

  private static List<Trend.Marker> markers(List<LoadedRun> runs) {
    List<Trend.Marker> markers = new ArrayList<>();
    for (int i = 1; i < runs.size(); i++) {
      RunTallies before = runs.get(i - 1).metrics().tallies();
      RunTallies after = runs.get(i).metrics().tallies();
      if (!before.models().equals(after.models())) {
        List<String> was = before.models().stream().map(Trends::model).toList();
        List<String> now = after.models().stream().map(Trends::model).toList();
        List<String> removed = was.stream().filter(m -> !now.contains(m)).toList();
        List<String> added = now.stream().filter(m -> !was.contains(m)).toList();
        markers.add(
            new Trend.Marker(
                i - 1,
                i,
                "models",
                "models changed:"
                    + (removed.isEmpty() ? "" : " dropped " + String.join(", ", removed) + ";")
                    + (added.isEmpty() ? "" : " added " + String.join(", ", added) + ";")
                    + " a jump here may come from the models, not the market"));
      }
      markers.addAll(servedModelChanges(i, runs.get(i - 1).facts(), runs.get(i).facts()));
      if (!before.brandRules().equals(after.brandRules())) {
        markers.add(
            new Trend.Marker(
                i - 1,
                i,
                "brand rules",
                "brand rules changed (names, aliases, exclude phrases or domains): re-score the"
                    + " older runs under today's spec with vis replay RUN --spec SPEC"));
      }
    }
    return markers;
  }

  /**
   * One marker per model asked in both runs whose provider reported other model names in the newer
   * run than in the older (a dated snapshot replaced): a model that reported none on either side,
   * as runs of an older vis did, is not a change.
   */
  private static List<Trend.Marker> servedModelChanges(int to, RunFacts before, RunFacts after) {
    Map<String, Set<String>> was = servedNames(before);
    Map<String, Set<String>> now = servedNames(after);
    List<Trend.Marker> markers = new ArrayList<>();
    now.forEach(
        (modelId, names) -> {
          Set<String> old = was.get(modelId);
          if (old != null && !old.equals(names)) {
            markers.add(
                new Trend.Marker(
                    to - 1,
                    to,
                    "served model",
                    "served model changed: "
                        + modelId
                        + " was served by "
                        + String.join(", ", old)
                        + ", now by "
                        + String.join(", ", names)
                        + "; a jump here may come from a silent model update, not the market"));
          }
        });
    return markers;
  }

  /** Per model id, the model names its provider reported in a run, most answers first. */
  private static Map<String, Set<String>> servedNames(RunFacts facts) {
    Map<String, Set<String>> names = new LinkedHashMap<>();
    for (ServedModel s : facts.servedModels()) {
      s.servedModel()
          .ifPresent(n -> names.computeIfAbsent(s.modelId(), k -> new LinkedHashSet<>()).add(n));
    }
    return names;
  }
}
