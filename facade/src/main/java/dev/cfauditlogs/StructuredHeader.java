package dev.cfauditlogs;

import org.jspecify.annotations.Nullable;

/**
 * Reads integer parameters from the structured-field headers Cloudflare sends, such as {@code
 * "default";r=50;t=30}. Tolerant: the first list member is read, unknown parameters are skipped,
 * and anything unreadable yields null.
 */
final class StructuredHeader {
  private static final int MAX_HEADER_LENGTH = 1024;

  private StructuredHeader() {}

  static @Nullable Integer intParam(@Nullable String header, String name) {
    if (header == null || header.length() > MAX_HEADER_LENGTH) {
      return null;
    }
    int comma = header.indexOf(',');
    String member = comma >= 0 ? header.substring(0, comma) : header;
    for (String part : member.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
        return parseNonNegative(part.substring(eq + 1).trim());
      }
    }
    return null;
  }

  /** A non-negative decimal integer of at most nine digits, else null. */
  static @Nullable Integer parseNonNegative(String text) {
    if (text.isEmpty() || text.length() > 9) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return null;
      }
    }
    return Integer.parseInt(text);
  }
}
