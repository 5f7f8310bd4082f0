package dev.vis.cli;

import dev.vis.analysis.RateMetric;
import dev.vis.report.ExportFormat;
import dev.vis.report.ReportFormat;
import dev.vis.report.Slice;
import dev.vis.store.ExportTable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * The words of each option that takes one of a fixed set: picocli shows them in the help ({@code
 * ${COMPLETION-CANDIDATES}}) and offers them in the completion scripts, both from this one list.
 */
final class OptionValues {
  private OptionValues() {}

  /** A fixed list of words, iterable as picocli's completion candidates are. */
  abstract static class Words implements Iterable<String> {
    private final List<String> words;

    Words(List<String> words) {
      this.words = List.copyOf(words);
    }

    <E extends Enum<E>> Words(E[] values, Function<E, String> label) {
      this(Arrays.stream(values).map(label).toList());
    }

    @Override
    public Iterator<String> iterator() {
      return words.iterator();
    }
  }

  /** {@code vis report --format}. */
  static final class ReportFormats extends Words {
    ReportFormats() {
      super(ReportFormat.values(), ReportFormat::label);
    }
  }

  /** {@code vis report --by}. */
  static final class Slices extends Words {
    Slices() {
      super(Slice.values(), Slice::label);
    }
  }

  /** {@code vis report --metric}: the words {@link dev.vis.report.CompareOptions} parses. */
  static final class GateMetrics extends Words {
    GateMetrics() {
      super(RateMetric.gateWords());
    }
  }

  /** {@code vis export --format}. */
  static final class ExportFormats extends Words {
    ExportFormats() {
      super(ExportFormat.values(), ExportFormat::label);
    }
  }

  /** {@code vis export --table}. */
  static final class ExportTables extends Words {
    ExportTables() {
      super(ExportTable.values(), ExportTable::label);
    }
  }

  /** {@code vis runs --format}. */
  static final class RunsFormats extends Words {
    RunsFormats() {
      super(RunsCommand.Format.values(), RunsCommand.Format::label);
    }
  }

  /** {@code vis run --progress}. */
  static final class ProgressModes extends Words {
    ProgressModes() {
      super(ProgressMode.values(), ProgressMode::label);
    }
  }

  /** {@code vis completion SHELL}. */
  static final class Shells extends Words {
    Shells() {
      super(List.of("bash", "zsh"));
    }
  }
}
