package dev.cfauditlogs.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Unchecked views of document tree nodes, and small helpers for reading them. */
final class Trees {
  private Trees() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object value) {
    return (List<Object>) value;
  }

  /** The map at {@code key}, or an empty map if there is none or it is not a map. */
  static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent == null ? null : parent.get(key);
    return value instanceof Map ? asMap(value) : Map.of();
  }

  /** The list at {@code key}, or an empty list if there is none or it is not a list. */
  static List<Object> list(Map<String, Object> parent, String key) {
    Object value = parent == null ? null : parent.get(key);
    return value instanceof List ? asList(value) : List.of();
  }

  /** A deep copy with fresh containers, for tests and mutations. */
  static Object copy(Object value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      asMap(value).forEach((k, v) -> copy.put(k, copy(v)));
      return copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      asList(value).forEach(v -> copy.add(copy(v)));
      return copy;
    }
    return value;
  }
}
