package dev.cfauditlogs.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures a run measured (records, requests, faults, retries, wall time), printed and appended
 * to {@code target/reliability-figures/<name>.txt} so that docs/RELIABILITY.md can quote them.
 */
final class Figures {
  private final String name;
  private final Map<String, Object> values = new LinkedHashMap<>();

  Figures(String name) {
    this.name = name;
  }

  Figures put(String key, Object value) {
    values.put(key, value);
    return this;
  }

  /** Prints the figures as one line and appends that line to the figures file. */
  void write() {
    StringBuilder line = new StringBuilder(name).append(':');
    values.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    System.out.println("[figures] " + line);
    Path dir = Path.of(System.getProperty("reliability.figures", "target/reliability-figures"));
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(name + ".txt"),
          line + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
