package dev.cfauditlogs.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** What the CLI knows about its terminal. */
final class Terminal {
  /** The width assumed when neither COLUMNS nor the terminal says (such as in a pipe). */
  static final int FALLBACK_WIDTH = 120;

  private Terminal() {}

  /** Whether stderr is (most likely) a terminal: the JVM has a console. */
  static boolean interactive() {
    return System.console() != null;
  }

  /**
   * The terminal width in columns: {@code COLUMNS} when set to a number from 20 to 1000 (shells set
   * it but seldom export it), else the controlling terminal's size as {@code stty size} reads it
   * from {@code /dev/tty} when the JVM has a console, else {@value #FALLBACK_WIDTH}.
   */
  static int width(Map<String, String> env) {
    OptionalInt columns = columns(env);
    if (columns.isPresent()) {
      return columns.getAsInt();
    }
    if (interactive()) {
      return ttyWidth().orElse(FALLBACK_WIDTH);
    }
    return FALLBACK_WIDTH;
  }

  /** {@code COLUMNS} when it holds a width from 20 to 1000. */
  static OptionalInt columns(Map<String, String> env) {
    String value = env.get("COLUMNS");
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      int columns = Integer.parseInt(value.trim());
      return columns >= 20 && columns <= 1000 ? OptionalInt.of(columns) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * The width {@code stty size} reports for {@code /dev/tty} ("ROWS COLUMNS"), waiting at most one
   * second; empty where there is no such terminal or command (such as on Windows).
   */
  private static OptionalInt ttyWidth() {
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return OptionalInt.empty();
    }
    try {
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(tty)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!stty.waitFor(1, TimeUnit.SECONDS)) {
        stty.destroyForcibly();
        return OptionalInt.empty();
      }
      String[] size =
          new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
              .trim()
              .split("\\s+");
      if (stty.exitValue() != 0 || size.length != 2) {
        return OptionalInt.empty();
      }
      return columns(Map.of("COLUMNS", size[1]));
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    }
  }
}
