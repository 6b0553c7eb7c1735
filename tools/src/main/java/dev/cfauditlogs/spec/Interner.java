package dev.cfauditlogs.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal strings while a document is read. Upstream documents repeat the same keys and short
 * values ({@code type}, {@code string}, {@code description}) hundreds of thousands of times; one
 * copy of each keeps the heap small.
 */
final class Interner {
  private static final int MAX_LENGTH = 48;
  private final Map<String, String> pool = new HashMap<>();

  String intern(String value) {
    if (value.length() > MAX_LENGTH) {
      return value;
    }
    String previous = pool.putIfAbsent(value, value);
    return previous != null ? previous : value;
  }
}
