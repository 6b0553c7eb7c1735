package dev.cfauditlogs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The filters a {@link SyncCheckpoint} is made for: the query's {@link AuditLogQuery#parameters()}
 * without those that only place or size the window ({@code since}, {@code before}, {@code
 * direction}, {@code per_page}, {@code page}). Two queries of the same filters follow the same
 * records, whatever their window.
 */
final class SyncFilters {
  /** Parameters that are not filters: a checkpoint may be resumed with other values of these. */
  static final Set<String> NOT_FILTERS = Set.of("since", "before", "direction", "per_page", "page");

  /**
   * The parameter names a version 1 checkpoint's {@code filters} string could hold, in the order
   * the CLI wrote them ({@code name=value} joined by {@code &}, or {@code all} for none).
   */
  private static final List<String> V1_NAMES =
      List.of("id", "action.type", "actor.email", "actor.ip", "zone.name", "hide_user_logs");

  private SyncFilters() {}

  /** The filters of {@code query}, in the order of its parameters; unmodifiable. */
  static Map<String, String> of(AuditLogQuery query) {
    Map<String, String> filters = new LinkedHashMap<>();
    query
        .parameters()
        .forEach(
            (name, value) -> {
              if (!NOT_FILTERS.contains(name)) {
                filters.put(name, value);
              }
            });
    return Collections.unmodifiableMap(filters);
  }

  /**
   * Reads a version 1 {@code filters} string. The CLI wrote values unescaped, so a value may hold
   * {@code &}: a part that does not start with one of the names a version 1 file could hold
   * continues the value before it.
   *
   * @throws IllegalArgumentException when the text is not such a string
   */
  static Map<String, String> parseV1(String text) {
    Map<String, String> filters = new LinkedHashMap<>();
    if (text.equals("all")) {
      return Collections.unmodifiableMap(filters);
    }
    String name = null;
    for (String part : text.split("&", -1)) {
      String starts = v1Name(part);
      if (starts != null && !filters.containsKey(starts)) {
        name = starts;
        filters.put(name, part.substring(name.length() + 1));
      } else if (name != null) {
        filters.put(name, filters.get(name) + "&" + part);
      } else {
        throw new IllegalArgumentException("filters '" + text + "' name no known parameter");
      }
    }
    return Collections.unmodifiableMap(filters);
  }

  private static String v1Name(String part) {
    for (String name : V1_NAMES) {
      if (part.startsWith(name + "=")) {
        return name;
      }
    }
    return null;
  }

  /** The filters as {@code name=value&...}, or {@code all} when there are none: for people. */
  static String describe(Map<String, String> filters) {
    if (filters.isEmpty()) {
      return "all";
    }
    StringJoiner s = new StringJoiner("&");
    filters.forEach((name, value) -> s.add(name + "=" + value));
    return s.toString();
  }
}
