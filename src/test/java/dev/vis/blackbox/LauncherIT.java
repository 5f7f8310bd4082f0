package dev.vis.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./vis} launcher's start-up cache (.mvn/startup-cache.sh), on a copy of the launcher
 * and the jar without the sources: recorded once for the JDK, used after, and never the reason a
 * command fails, whatever became of it. Recording costs seconds of CPU: the class records once, and
 * only the test of a damaged cache records a second time, which is what it tests.
 */
class LauncherIT {
  static final String VERSION_LINE = "vis ";
  static final String NOTICE = "vis: recording a start-up cache";
  static final String RUN_ID = "[0-9A-HJKMNP-TV-Z]{26}\\R";
  static final String SIM_SPEC =
      "version: 1\nname: s\nbrands: [{name: Acme}]\n"
          + "prompts: [{id: p, text: \"Which CRM is best?\"}]\nmodels: [{id: m, provider: sim}]\n";

  /** An install whose first command recorded the cache: recording costs seconds, done once. */
  @TempDir static Path recorded;

  static Launched recording;

  @TempDir Path install;
  Path jar;

  @BeforeAll
  static void recordOnce() throws Exception {
    copyTheLauncher(recorded);
    recording = launch(recorded, List.of(), "--version");
  }

  @BeforeEach
  void copyTheLauncher() throws IOException {
    jar = copyTheLauncher(install);
  }

  /** Copies the launcher and the jar, without the sources, into {@code dir}; returns the jar. */
  static Path copyTheLauncher(Path dir) throws IOException {
    Path repo = Path.of(System.getProperty("vis.jar")).getParent().getParent();
    Files.createDirectories(dir.resolve(".mvn"));
    Files.createDirectories(dir.resolve("target"));
    for (String file :
        List.of("vis", ".mvn/jdk.sh", ".mvn/startup-cache.sh", ".mvn/OldClassUpgrade.java")) {
      Files.copy(repo.resolve(file), dir.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
    }
    return Files.copy(Path.of(System.getProperty("vis.jar")), dir.resolve("target/vis.jar"));
  }

  @Test
  void the_first_command_records_the_cache_and_the_next_uses_it_silently() throws Exception {
    Launched first = recording;
    assertThat(first.code).as(first::toString).isZero();
    assertThat(first.out).as(first::toString).startsWith(VERSION_LINE);
    assertThat(first.err).as(first::toString).contains(NOTICE);
    assertThat(cache(recorded)).as("the cache under target/startup").isNotEmpty();
    try (Stream<Path> files = Files.list(recorded.resolve("target/startup"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("SQLite's library, copied once for every later start")
          .anyMatch(name -> name.startsWith("sqlite-jdbc-"));
    }

    Launched second = launch(recorded, List.of(), "--version");
    assertThat(second.code).as(second::toString).isZero();
    assertThat(second.out).isEqualTo(first.out);
    assertThat(second.err).as(second::toString).isEmpty();
  }

  @Test
  void picocli_loads_from_the_cache_on_jdk_25() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "the AOT cache and its upgraded classes");
    Path spec = recorded.resolve("sim.yaml");
    Files.writeString(spec, SIM_SPEC);

    Launched validate =
        launch(recorded, List.of("VIS_JAVA_OPTS=-Xlog:class+load"), "validate", spec.toString());

    assertThat(validate.code).as(validate::toString).isZero();
    assertThat(validate.out)
        .as("picocli's Java 5 class files, upgraded, are in the AOT cache")
        .contains("picocli.CommandLine source: shared objects file")
        .doesNotContainPattern("picocli\\.\\S+ source: (file|jar):");
  }

  @Test
  void on_c1_alone_the_cache_does_not_replay_the_trainings_compilations() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "the AOT cache and its training profiles");
    List<String> flags = List.of("VIS_JAVA_OPTS=-XX:+PrintFlagsFinal");

    Launched shortOne = launch(recorded, flags, "runs", "--version");
    Launched growing = launch(recorded, flags, "export", "--db=absent.db", "--version");

    assertThat(shortOne.code).as(shortOne::toString).isZero();
    assertThat(shortOne.out)
        .as(shortOne::toString)
        .containsPattern("TieredStopAtLevel += 1 ")
        .containsPattern("AOTReplayTraining += false ");
    assertThat(growing.out)
        .as("C2 keeps the training's profiles")
        .containsPattern("TieredStopAtLevel += 4 ")
        .doesNotContainPattern("AOTReplayTraining += false ");
  }

  @Test
  void upgraded_classes_changed_since_the_recording_make_the_cache_unusable() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "the AOT cache and its upgraded classes");
    Path cache = copyTheRecordedCache();
    Path upgraded = install.resolve(recorded.relativize(upgraded(recorded)));
    Files.copy(upgraded(recorded), upgraded, StandardCopyOption.COPY_ATTRIBUTES);
    stamp(cache, upgraded);
    assertThat(script("vis_cache_usable \"$1\" \"$2\"", cache, jar).code)
        .as("the cache and its upgraded classes as recorded")
        .isZero();

    Files.write(upgraded, new byte[] {1}, StandardOpenOption.APPEND);

    assertThat(script("vis_cache_usable \"$1\" \"$2\"", cache, jar).code).isNotZero();
  }

  @Test
  void a_damaged_cache_is_recorded_again_and_the_command_still_succeeds() throws Exception {
    Path cache = copyTheRecordedCache();
    assertThat(script("vis_cache_usable \"$1\" \"$2\"", cache, jar).code)
        .as("the copied cache, before the damage, is one the launcher would use")
        .isZero();
    try (RandomAccessFile file = new RandomAccessFile(cache.toFile(), "rw")) {
      byte[] noise = new byte[100_000];
      new Random(1).nextBytes(noise);
      file.seek(file.length() / 3);
      file.write(noise);
    }

    Launched run = simRun();

    assertThat(run.code).as(run::toString).isZero();
    assertThat(run.out).as(run::toString).matches(RUN_ID);
    assertThat(run.err).as(run::toString).contains(NOTICE).doesNotContain("fatal error");
  }

  @Test
  void a_cache_the_jvm_rejects_leaves_no_trace_in_the_output() throws Exception {
    // not the JVM's format at all, with a stamp that says it was recorded so: the JVM sees it
    Path cache = Path.of(script("vis_cache_file \"$1\"; printf %s \"$vis_cache\"", jar).out);
    Files.createDirectories(cache.getParent());
    Files.write(cache, new byte[4096]);
    stamp(cache);

    Launched run = simRun();

    assertThat(run.code).as(run::toString).isZero();
    assertThat(run.out).as(run::toString).matches(RUN_ID);
    assertThat(run.err).as(run::toString).doesNotContain("[error]").doesNotContain(NOTICE);
  }

  @Test
  void vis_startup_cache_off_records_nothing() throws Exception {
    Launched version = launch(List.of("VIS_STARTUP_CACHE=off"), "--version");

    assertThat(version.code).as(version::toString).isZero();
    assertThat(version.err).as(version::toString).isEmpty();
    assertThat(install.resolve("target/startup")).doesNotExist();
  }

  @Test
  void short_commands_run_on_c1_alone_unless_vis_java_opts_says_otherwise() throws Exception {
    Launched c1 =
        launch(List.of("VIS_STARTUP_CACHE=off", "VIS_JAVA_OPTS=-XX:+PrintFlagsFinal"), "-V");
    Launched c2 =
        launch(
            List.of(
                "VIS_STARTUP_CACHE=off",
                "VIS_JAVA_OPTS=-XX:TieredStopAtLevel=4 -XX:+PrintFlagsFinal"),
            "-V");

    assertThat(c1.code).as(c1::toString).isZero();
    assertThat(c1.out).as(c1::toString).containsPattern("TieredStopAtLevel += 1 ");
    assertThat(c2.out).as(c2::toString).containsPattern("TieredStopAtLevel += 4 ");
    for (String command : List.of("export", "report", "replay")) {
      Launched growing =
          launch(
              List.of("VIS_STARTUP_CACHE=off", "VIS_JAVA_OPTS=-XX:+PrintFlagsFinal"),
              command,
              "--version");
      boolean replay = command.equals("replay");
      boolean export = command.equals("export");
      assertThat(growing.out)
          .as(
              "export's work grows with the rows: C2 stays; a report reads stored results;"
                  + " replay's keeps both cores busy")
          .containsPattern(export ? "TieredStopAtLevel += 4 " : "TieredStopAtLevel += 1 ");
      assertThat(growing.out)
          .as("replay alone takes the serial collector")
          .containsPattern(replay ? "UseSerialGC += true " : "UseSerialGC += false ");
    }
    Launched run =
        launch(
            List.of("VIS_STARTUP_CACHE=off", "VIS_JAVA_OPTS=-XX:+PrintFlagsFinal"),
            "run",
            "--version");
    assertThat(run.out)
        .as("run compiles the call path with two C1 threads while its calls go")
        .containsPattern("TieredStopAtLevel += 1 ")
        .containsPattern("CICompilerCount += 2 ");
    assertThat(c1.out).as("other commands keep one").containsPattern("CICompilerCount += 1 ");
  }

  @Test
  void report_runs_on_c1_alone_at_any_size_and_export_of_a_large_database_keeps_c2()
      throws Exception {
    Path small = install.resolve("small.db");
    Files.write(small, new byte[100_000]);
    Path large = install.resolve("large.db");
    try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
      file.setLength(32L * 1024 * 1024);
    }
    List<String> env = List.of("VIS_STARTUP_CACHE=off", "VIS_JAVA_OPTS=-XX:+PrintFlagsFinal");

    Launched onSmall = launch(env, "report", "--db", small.toString(), "--version");
    Launched onLarge = launch(env, "report", "--db=" + large, "--version");
    Launched exportOfLarge = launch(env, "export", "--db=" + large, "--version");
    Launched onVisDb =
        launch(List.of("VIS_DB=" + small, env.get(0), env.get(1)), "export", "--version");

    assertThat(onSmall.out).as(onSmall::toString).containsPattern("TieredStopAtLevel += 1 ");
    assertThat(onLarge.out).as(onLarge::toString).containsPattern("TieredStopAtLevel += 1 ");
    assertThat(exportOfLarge.out)
        .as(exportOfLarge::toString)
        .containsPattern("TieredStopAtLevel += 4 ");
    assertThat(onVisDb.out).as(onVisDb::toString).containsPattern("TieredStopAtLevel += 1 ");
  }

  private Launched simRun() throws Exception {
    Path spec = install.resolve("sim.yaml");
    Files.writeString(spec, SIM_SPEC);
    return launch("run", spec.toString(), "--db", install.resolve("v.db").toString());
  }

  /**
   * Copies the recorded install's cache into this one as it was recorded: this jar as old as the
   * one it was recorded for, the stamp renewed for the copy (a new file to the launcher).
   */
  private Path copyTheRecordedCache() throws Exception {
    Path from = cache(recorded).orElseThrow();
    Path cache = install.resolve(recorded.relativize(from));
    Files.createDirectories(cache.getParent());
    Files.copy(from, cache, StandardCopyOption.COPY_ATTRIBUTES);
    Files.setLastModifiedTime(jar, Files.getLastModifiedTime(recorded.resolve("target/vis.jar")));
    stamp(cache);
    return cache;
  }

  /**
   * Writes the stamp the launcher checks a cache (and its upgraded classes) against, as it would on
   * recording it.
   */
  private void stamp(Path... files) throws Exception {
    Files.writeString(Path.of(files[0] + ".stamp"), script("vis_file_stamp \"$@\"", files).out);
  }

  private static Path upgraded(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("target/startup"))) {
      return files.filter(f -> f.toString().endsWith("-upgraded.jar")).findFirst().orElseThrow();
    }
  }

  /** Runs {@code code} with the launcher's cache functions loaded, the paths as $1, $2... */
  private Launched script(String code, Path... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of("bash", "-c", ". .mvn/jdk.sh; . .mvn/startup-cache.sh; " + code, "script"));
    for (Path arg : args) {
      command.add(arg.toString());
    }
    return run(install, command);
  }

  private static java.util.Optional<Path> cache(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("target/startup"))) {
      return files
          .filter(f -> f.toString().endsWith(".aot") || f.toString().endsWith(".jsa"))
          .findFirst();
    }
  }

  private Launched launch(String... args) throws Exception {
    return launch(install, List.of(), args);
  }

  private Launched launch(List<String> env, String... args) throws Exception {
    return launch(install, env, args);
  }

  private static Launched launch(Path dir, List<String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("env"));
    command.addAll(env);
    command.add(dir.resolve("vis").toString());
    command.addAll(List.of(args));
    return run(dir, command);
  }

  private static Launched run(Path dir, List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
    builder.environment().put("HOME", dir.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("no end of " + command);
    }
    return new Launched(
        command,
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** What one launch did. */
  record Launched(List<String> command, int code, String out, String err) {}
}
