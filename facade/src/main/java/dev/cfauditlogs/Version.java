package dev.cfauditlogs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, from the build. */
final class Version {
  static final String VERSION = load();
  static final String USER_AGENT =
      "cf-audit-logs/" + VERSION + " (Java " + System.getProperty("java.version", "?") + ")";

  private Version() {}

  private static String load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
