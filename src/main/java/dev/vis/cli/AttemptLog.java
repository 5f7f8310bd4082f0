package dev.vis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vis.ExitCode;
import dev.vis.VisException;
import dev.vis.engine.AttemptEvent;
import dev.vis.engine.AttemptListener;
import dev.vis.store.AttemptRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code --log-json FILE}: one JSON object per line and per call attempt, appended as each attempt
 * ends, for log pipelines. Carries no key and no header: only what {@link AttemptEvent} holds,
 * whose error the engine has already redacted. Thread-safe; a lock (not {@code synchronized}, which
 * would pin virtual threads on JDK 21) keeps lines whole.
 */
final class AttemptLog implements AttemptListener, AutoCloseable {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path path;
  private final BufferedWriter out;
  private final ReentrantLock lock = new ReentrantLock(); // guards out
  private volatile boolean broken;

  private AttemptLog(Path path, BufferedWriter out) {
    this.path = path;
    this.out = out;
  }

  /**
   * Opens FILE for appending, creating it readable by its owner only (from the start, so no other
   * user can open it before a chmod); a file that cannot be written is a usage error.
   */
  static AttemptLog open(Path path) {
    Set<StandardOpenOption> options =
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    FileAttribute<?>[] ownerOnly =
        path.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    try {
      return new AttemptLog(
          path,
          new BufferedWriter(
              Channels.newWriter(
                  Files.newByteChannel(path, options, ownerOnly), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw VisException.usage(
          "--log-json " + path + ": cannot write there (" + e.getMessage() + ")");
    }
  }

  @Override
  public void attemptEnded(AttemptEvent event) {
    if (broken) {
      return;
    }
    String line = line(event);
    lock.lock();
    try {
      out.write(line);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      // a full disk must not stop the run: the database holds every attempt anyway
      broken = true;
    } finally {
      lock.unlock();
    }
  }

  /** The JSON line of one attempt. */
  static String line(AttemptEvent event) {
    AttemptRecord a = event.attempt();
    ObjectNode node = JSON.createObjectNode();
    node.put("time", a.startedAt().plusMillis(a.latencyMs()).toString());
    node.put("run", event.runId());
    node.put("task", event.taskId());
    node.put("prompt", event.promptId());
    node.put("model_id", event.modelId());
    node.put("provider", event.provider());
    node.put("model", event.model());
    node.put("sample", event.sample());
    node.put("attempt", a.attempt());
    node.put("outcome", a.outcome().value());
    if (a.httpStatus().isPresent()) {
      node.put("status", a.httpStatus().getAsInt());
    } else {
      node.putNull("status");
    }
    node.put("latency_ms", a.latencyMs());
    putOptional(node, "input_tokens", event.inputTokens());
    putOptional(node, "output_tokens", event.outputTokens());
    if (event.costUsd().isPresent()) {
      node.put("cost_usd", event.costUsd().get());
    } else {
      node.putNull("cost_usd");
    }
    if (a.error().isPresent()) {
      node.put("error", a.error().get());
    } else {
      node.putNull("error");
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putOptional(ObjectNode node, String name, java.util.OptionalLong value) {
    if (value.isPresent()) {
      node.put(name, value.getAsLong());
    } else {
      node.putNull(name);
    }
  }

  /** Whether a write failed (the log is incomplete from then on). */
  boolean broken() {
    return broken;
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      out.close();
    } catch (IOException e) {
      throw new VisException(ExitCode.FAILED, "--log-json " + path + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
