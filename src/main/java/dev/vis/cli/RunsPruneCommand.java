package dev.vis.cli;

import dev.vis.VisException;
import dev.vis.store.Store;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vis runs prune --older-than 90d}: deletes old runs, after listing them. */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Deletes runs started longer ago than --older-than, after listing them (on stderr).",
      "A run that a younger replay points at is kept.",
      "On a terminal it asks first; elsewhere it needs --yes."
    })
final class RunsPruneCommand extends Subcommand {
  private static final Pattern AGE = Pattern.compile("(\\d+)([dhm])");
  @Mixin DeleteOptions delete;

  @Option(
      names = "--older-than",
      required = true,
      paramLabel = "AGE",
      description = "Age like 90d, 12h or 30m")
  String olderThan;

  @Override
  public Integer call() {
    Duration age = age();
    try (Store db = delete.open(this)) {
      DeletionPlan plan = DeletionPlan.prune(db.runs(), context().clock().instant().minus(age));
      return delete.carryOut(
          plan, db, context(), err(), "no run started more than " + olderThan + " ago to delete");
    }
  }

  private Duration age() {
    Matcher m = AGE.matcher(olderThan.strip());
    if (!m.matches()) {
      throw VisException.usage(
          "--older-than: expected an age like 90d, 12h or 30m (got '" + olderThan + "')");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "d" -> Duration.ofDays(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofMinutes(n);
    };
  }
}
