package dev.cfauditlogs.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates pages whose records have fields of any JSON type (the spec's field list with the JSON
 * types of their values mutated, nested fields included, plus fields the spec does not list), with
 * elements that are not records in between; and knows the answer: which elements are records, their
 * exact text, and which of their fields do not match the spec.
 */
final class TypedRecords {
  /** The record's fields in the spec: JSON kind of each. */
  private static final Map<String, String> TOP = new LinkedHashMap<>();

  private static final Map<String, Map<String, String>> NESTED = new LinkedHashMap<>();

  static {
    TOP.put("id", "string");
    TOP.put("when", "date-time");
    TOP.put("interface", "string");
    TOP.put("newValue", "string");
    TOP.put("oldValue", "string");
    TOP.put("metadata", "object");
    NESTED.put("action", Map.of("result", "boolean", "type", "string"));
    NESTED.put("actor", Map.of("email", "string", "id", "string", "ip", "string", "type", "enum"));
    NESTED.put("owner", Map.of("id", "string"));
    NESTED.put("resource", Map.of("id", "string", "type", "string"));
  }

  private static final Set<String> ACTOR_TYPES = Set.of("user", "admin", "Cloudflare");
  private static final String[] NOT_RECORDS = {
    "null", "0", "-1.5e3", "true", "\"x\"", "[]", "[{}]"
  };

  /** One record: its exact text, each field path's value text, the paths that do not conform. */
  record Generated(String json, Map<String, String> values, Set<String> odd) {}

  /** A page: its elements (records and others) and, in order, the records among them. */
  record Page(List<String> elements, List<Generated> records) {
    String body() {
      return "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":["
          + String.join(",", elements)
          + "]}";
    }

    @Override
    public String toString() {
      return body();
    }
  }

  private TypedRecords() {}

  static Page page(Random r) {
    List<String> elements = new ArrayList<>();
    List<Generated> records = new ArrayList<>();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(5) == 0) {
        elements.add(NOT_RECORDS[r.nextInt(NOT_RECORDS.length)]);
      } else {
        Generated g = record(r);
        elements.add(g.json());
        records.add(g);
      }
    }
    return new Page(elements, records);
  }

  static Generated record(Random r) {
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> odd = new TreeSet<>();
    List<String> members = new ArrayList<>();
    for (Map.Entry<String, String> f : TOP.entrySet()) {
      if (r.nextInt(6) != 0) {
        String value = value(r, f.getValue());
        members.add(member(f.getKey(), value));
        values.put(f.getKey(), value);
        if (!conforms(f.getValue(), value)) {
          odd.add(f.getKey());
        }
      }
    }
    for (Map.Entry<String, Map<String, String>> object : NESTED.entrySet()) {
      String name = object.getKey();
      if (r.nextInt(6) == 0) {
        continue;
      }
      String value;
      if (r.nextInt(5) == 0) {
        value = HostileJson.value(r, 2); // the object itself of any JSON type
        if (!value.startsWith("{") && !value.equals("null")) {
          odd.add(name);
        }
      } else {
        List<String> inner = new ArrayList<>();
        for (Map.Entry<String, String> f : new TreeMap<>(object.getValue()).entrySet()) {
          if (r.nextInt(6) != 0) {
            String v = value(r, f.getValue());
            inner.add(member(f.getKey(), v));
            values.put(name + "." + f.getKey(), v);
            if (!conforms(f.getValue(), v)) {
              odd.add(name + "." + f.getKey());
            }
          }
        }
        if (r.nextInt(4) == 0) {
          inner.add(member("unlisted", HostileJson.value(r, 2)));
        }
        Collections.shuffle(inner, r);
        value = "{" + String.join(",", inner) + "}";
      }
      members.add(member(name, value));
      values.put(name, value);
    }
    if (r.nextInt(3) == 0) {
      members.add(member("newValueJson", HostileJson.value(r, 3)));
    }
    Collections.shuffle(members, r);
    return new Generated("{" + String.join(",", members) + "}", values, odd);
  }

  private static String member(String name, String value) {
    return HostileJson.quote(name) + ":" + value;
  }

  /** A conforming value half the time, else a value of any JSON type. */
  private static String value(Random r, String kind) {
    if (r.nextBoolean()) {
      return HostileJson.value(r, 2);
    }
    return switch (kind) {
      case "boolean" -> r.nextBoolean() ? "true" : "false";
      case "date-time" ->
          r.nextBoolean() ? "\"2026-07-01T10:00:02Z\"" : "\"2026-07-01T10:00:02.5Z\"";
      case "enum" -> HostileJson.quote(List.copyOf(ACTOR_TYPES).get(r.nextInt(3)));
      case "object" -> "{\"zone_name\":" + HostileJson.quote(HostileJson.string(r)) + "}";
      default -> HostileJson.quote(HostileJson.string(r));
    };
  }

  /** Whether the spec allows {@code value} for a field of {@code kind} (null is absent). */
  private static boolean conforms(String kind, String value) {
    if (value.equals("null")) {
      return true;
    }
    return switch (kind) {
      case "boolean" -> value.equals("true") || value.equals("false");
      case "object" -> value.startsWith("{");
      case "enum" ->
          value.startsWith("\"") && ACTOR_TYPES.contains(value.substring(1, value.length() - 1));
      case "date-time" -> value.startsWith("\"2026-07-01T10:00:02");
      default -> value.startsWith("\"");
    };
  }
}
