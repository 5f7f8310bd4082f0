package dev.vis.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * An SQLite file as a test sets it up and looks at it: statements run as another program would run
 * them, the file's digest, and the files beside it.
 */
record SqlFile(Path file) {

  /** Runs statements on a connection of its own, as another program would. */
  void execute(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /** The first column of the first row. */
  long number(String query) throws Exception {
    return Long.parseLong(text(query));
  }

  /** The first column of the first row, as text. */
  String text(String query) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rs = c.createStatement().executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** The SHA-256 of the file's bytes. */
  String sha256() throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** The names of the files in the file's directory, sorted. */
  List<String> neighbours() throws Exception {
    try (Stream<Path> files = Files.list(file.getParent())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
