package dev.cfauditlogs.cli;

import java.util.Map;

/** What the CLI knows about its terminal. */
final class Terminal {
  private Terminal() {}

  /** Whether stderr is (most likely) a terminal: the JVM has a console. */
  static boolean interactive() {
    return System.console() != null;
  }

  /** The terminal width from COLUMNS, else 120. */
  static int width(Map<String, String> env) {
    try {
      int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "120").trim());
      return columns >= 20 && columns <= 1000 ? columns : 120;
    } catch (NumberFormatException e) {
      return 120;
    }
  }
}
