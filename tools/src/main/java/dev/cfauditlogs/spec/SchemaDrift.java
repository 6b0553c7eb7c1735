package dev.cfauditlogs.spec;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two schemas, recursively through references, properties, items and compositions, and
 * classifies each difference by direction. In a {@link Direction#REQUEST request} the client sends
 * values that matched the old schema: a tighter schema may reject them. In a {@link
 * Direction#RESPONSE response} the client decodes what the server sends: a removed or retyped field
 * breaks it, a new field or enum value does not (unknown enum values decode to a fallback).
 */
final class SchemaDrift {
  enum Direction {
    REQUEST,
    RESPONSE
  }

  private static final Set<String> HANDLED =
      Set.of(
          "$ref",
          "type",
          "format",
          "nullable",
          "enum",
          "default",
          "minimum",
          "exclusiveMinimum",
          "minLength",
          "minItems",
          "minProperties",
          "maximum",
          "exclusiveMaximum",
          "maxLength",
          "maxItems",
          "maxProperties",
          "multipleOf",
          "pattern",
          "uniqueItems",
          "deprecated",
          "readOnly",
          "writeOnly",
          "required",
          "properties",
          "additionalProperties",
          "items",
          "allOf",
          "oneOf",
          "anyOf");
  private static final List<String> LOWER_BOUNDS =
      List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
  private static final List<String> UPPER_BOUNDS =
      List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");

  private final Findings findings;
  private final Set<String> visited = new HashSet<>();

  SchemaDrift(Findings findings) {
    this.findings = findings;
  }

  /** Compares the schemas at {@code where} (e.g. {@code parameter per_page (query)}). */
  void compare(String where, Object oldNode, Object newNode, Direction direction) {
    compare(where, "", oldNode, newNode, direction);
  }

  /** Compares two {@code content} maps (media type to schema) of a parameter, body or response. */
  void content(String where, Map<String, Object> before, Map<String, Object> after, Direction dir) {
    for (Map.Entry<String, Object> e : before.entrySet()) {
      String mediaType = e.getKey();
      if (!after.containsKey(mediaType)) {
        findings.breaking(where, "media type " + mediaType + " removed");
        continue;
      }
      Map<String, Object> o = Trees.map(before, mediaType);
      Map<String, Object> n = Trees.map(after, mediaType);
      String here = where + " " + mediaType;
      if (o.containsKey("schema") || n.containsKey("schema")) {
        compare(here, o.get("schema"), n.get("schema"), dir);
      }
      findings.cosmeticOrUnhandled(here, o, n, Set.of("schema", "encoding"));
    }
    for (String mediaType : after.keySet()) {
      if (!before.containsKey(mediaType)) {
        findings.nonBreaking(where, "media type " + mediaType + " added");
      }
    }
  }

  private void compare(String where, String path, Object oldNode, Object newNode, Direction dir) {
    String here = path.isEmpty() ? where : where + ": " + path;
    String oldRef = Findings.refName(oldNode);
    String newRef = Findings.refName(newNode);
    if (oldRef != null && newRef != null && !oldRef.equals(newRef)) {
      findings.breaking(
          here,
          "schema "
              + oldRef
              + " replaced by "
              + newRef
              + " (generated model names follow schema names)");
    }
    if ((oldRef != null || newRef != null) && !visited.add(dir + " " + oldRef + " " + newRef)) {
      return; // compared already, or a reference cycle
    }
    Map<String, Object> o = Findings.resolve(findings.oldDoc, oldNode, here);
    Map<String, Object> n = Findings.resolve(findings.newDoc, newNode, here);

    typeChange(here, o, n);
    if (!Objects.equals(o.get("format"), n.get("format"))) {
      findings.breaking(
          here, "format changed from " + show(o.get("format")) + " to " + show(n.get("format")));
    }
    nullable(here, o, n, dir);
    enums(here, o.get("enum"), n.get("enum"), dir);
    if (!Objects.equals(o.get("default"), n.get("default"))) {
      findings.nonBreaking(
          here, "default changed from " + show(o.get("default")) + " to " + show(n.get("default")));
    }
    for (String key : LOWER_BOUNDS) {
      bound(here, key, o.get(key), n.get(key), true, dir);
    }
    for (String key : UPPER_BOUNDS) {
      bound(here, key, o.get(key), n.get(key), false, dir);
    }
    constraint(here, "pattern", o.get("pattern"), n.get("pattern"), n.get("pattern") != null, dir);
    constraint(
        here,
        "multipleOf",
        o.get("multipleOf"),
        n.get("multipleOf"),
        n.get("multipleOf") != null,
        dir);
    uniqueItems(here, o, n, dir);
    for (String flag : List.of("deprecated", "readOnly", "writeOnly")) {
      if (!Objects.equals(o.get(flag), n.get(flag))) {
        findings.nonBreaking(
            here, flag + " changed from " + show(o.get(flag)) + " to " + show(n.get(flag)));
      }
    }
    properties(where, path, o, n, dir);
    additionalProperties(
        where, path, o.get("additionalProperties"), n.get("additionalProperties"), dir);
    items(where, path, o.get("items"), n.get("items"), dir);
    for (String key : List.of("allOf", "oneOf", "anyOf")) {
      composition(where, path, key, Trees.list(o, key), Trees.list(n, key), dir);
    }
    findings.cosmeticOrUnhandled(here, o, n, HANDLED);
  }

  /**
   * A changed {@code type} is breaking when the kind of value changes (the generated Java type and
   * what goes over the wire change with it); a {@code type} keyword dropped or added where {@code
   * properties} or {@code items} already say what the value is changes neither. Either way the
   * comparison goes on beneath it, so nothing under a retyped schema goes unreported.
   */
  private void typeChange(String here, Map<String, Object> o, Map<String, Object> n) {
    if (Objects.equals(o.get("type"), n.get("type"))) {
      return;
    }
    String what = "type changed from " + show(o.get("type")) + " to " + show(n.get("type"));
    String before = impliedType(o);
    if (before != null && before.equals(impliedType(n))) {
      findings.nonBreaking(here, what + " (still " + article(before) + " by its other keywords)");
    } else {
      findings.breaking(here, what);
    }
  }

  /** The JSON type a schema stands for: its {@code type}, or what its keywords imply. */
  private static String impliedType(Map<String, Object> schema) {
    if (schema.get("type") instanceof String type) {
      return type;
    }
    if (schema.containsKey("properties") || schema.containsKey("additionalProperties")) {
      return "object";
    }
    return schema.containsKey("items") ? "array" : null;
  }

  private static String article(String type) {
    return (type.matches("[aeiou].*") ? "an " : "a ") + type;
  }

  /**
   * {@code uniqueItems} on an array decides whether the generated getter is a {@code Set} or a
   * {@code List}, so a change there is breaking in either direction; on a schema that is not an
   * array it means nothing (validators and the generator ignore it), so it is cosmetic.
   */
  private void uniqueItems(String here, Map<String, Object> o, Map<String, Object> n, Direction d) {
    Object before = o.get("uniqueItems");
    Object after = n.get("uniqueItems");
    if (Objects.equals(before, after)) {
      return;
    }
    String what = "uniqueItems changed from " + show(before) + " to " + show(after);
    if ("array".equals(impliedType(n)) || "array".equals(impliedType(o))) {
      boolean set = Boolean.TRUE.equals(after);
      findings.breaking(
          here,
          what
              + " (the generated type changes from "
              + (set ? "List to Set" : "Set to List")
              + (set && d == Direction.REQUEST ? "; requests with repeated values are refused" : "")
              + ")");
    } else {
      findings.cosmetic(here, what + " (no effect: not an array)");
    }
  }

  private void nullable(String here, Map<String, Object> o, Map<String, Object> n, Direction dir) {
    boolean before = Boolean.TRUE.equals(o.get("nullable"));
    boolean after = Boolean.TRUE.equals(n.get("nullable"));
    if (before == after) {
      return;
    }
    if (dir == Direction.RESPONSE) {
      if (after) {
        findings.breaking(here, "may now be null");
      } else {
        findings.nonBreaking(here, "no longer null");
      }
    } else if (after) {
      findings.nonBreaking(here, "now accepts null");
    } else {
      findings.breaking(here, "no longer accepts null");
    }
  }

  private void enums(String here, Object before, Object after, Direction dir) {
    if (Objects.equals(before, after)) {
      return;
    }
    boolean request = dir == Direction.REQUEST;
    if (!(before instanceof List)) {
      String what = "now restricted to the values " + after;
      if (request) {
        findings.breaking(here, what);
      } else {
        findings.nonBreaking(here, what);
      }
      return;
    }
    if (!(after instanceof List)) {
      findings.nonBreaking(here, "no longer restricted to the values " + before);
      return;
    }
    Set<Object> removed = new LinkedHashSet<>(Trees.asList(before));
    removed.removeAll(Trees.asList(after));
    Set<Object> added = new LinkedHashSet<>(Trees.asList(after));
    added.removeAll(Trees.asList(before));
    for (Object value : removed) {
      if (request) {
        findings.breaking(
            here, "enum value " + quote(value) + " removed (requests sending it may be rejected)");
      } else {
        findings.nonBreaking(here, "enum value " + quote(value) + " removed (no longer sent)");
      }
    }
    for (Object value : added) {
      findings.nonBreaking(
          here,
          "enum value "
              + quote(value)
              + " added"
              + (request ? "" : " (this client decodes it as an unknown value)"));
    }
    if (removed.isEmpty() && added.isEmpty()) {
      findings.cosmetic(here, "enum order changed");
    }
  }

  private void bound(
      String here, String key, Object before, Object after, boolean lower, Direction dir) {
    if (Objects.equals(before, after)) {
      return;
    }
    BigDecimal a = number(before);
    BigDecimal b = number(after);
    boolean tighter;
    String what;
    if ((before != null && a == null) || (after != null && b == null)) {
      // OpenAPI 3.0's boolean exclusiveMinimum / exclusiveMaximum
      tighter = Boolean.TRUE.equals(after);
      what = key + " changed from " + show(before) + " to " + show(after);
    } else if (a == null) {
      tighter = true;
      what = key + " " + after + " added";
    } else if (b == null) {
      tighter = false;
      what = key + " " + before + " removed";
    } else {
      int c = b.compareTo(a);
      if (c == 0) {
        return;
      }
      tighter = lower == c > 0;
      what = key + (c > 0 ? " raised" : " lowered") + " from " + before + " to " + after;
      if (tighter && dir == Direction.REQUEST) {
        what += " (a request sending " + before + " is now out of range)";
      }
    }
    report(here, what, tighter, dir);
  }

  private void constraint(
      String here, String key, Object before, Object after, boolean tighter, Direction dir) {
    if (!Objects.equals(before, after)) {
      report(here, key + " changed from " + show(before) + " to " + show(after), tighter, dir);
    }
  }

  private void report(String here, String what, boolean tighter, Direction dir) {
    if (tighter && dir == Direction.REQUEST) {
      findings.breaking(here, what);
    } else {
      findings.nonBreaking(here, what);
    }
  }

  private void properties(
      String where, String path, Map<String, Object> o, Map<String, Object> n, Direction dir) {
    Map<String, Object> before = Trees.map(o, "properties");
    Map<String, Object> after = Trees.map(n, "properties");
    Set<Object> requiredBefore = new HashSet<>(Trees.list(o, "required"));
    Set<Object> requiredAfter = new HashSet<>(Trees.list(n, "required"));
    boolean request = dir == Direction.REQUEST;
    for (Map.Entry<String, Object> e : before.entrySet()) {
      String name = e.getKey();
      String child = at(where, join(path, name));
      if (!after.containsKey(name)) {
        findings.breaking(
            child,
            request ? "property removed" : "field removed (the client no longer receives it)");
        continue;
      }
      if (requiredBefore.contains(name) && !requiredAfter.contains(name)) {
        if (request) {
          findings.nonBreaking(child, "no longer required");
        } else {
          findings.breaking(child, "no longer required (responses may leave it out)");
        }
      } else if (!requiredBefore.contains(name) && requiredAfter.contains(name)) {
        if (request) {
          findings.breaking(child, "now required");
        } else {
          findings.nonBreaking(child, "now required");
        }
      }
      compare(where, join(path, name), e.getValue(), after.get(name), dir);
    }
    for (String name : after.keySet()) {
      if (!before.containsKey(name)) {
        String child = at(where, join(path, name));
        if (request && requiredAfter.contains(name)) {
          findings.breaking(child, "new required property");
        } else {
          findings.nonBreaking(child, request ? "new optional property" : "field added");
        }
      }
    }
  }

  private void additionalProperties(
      String where, String path, Object before, Object after, Direction dir) {
    if (before instanceof Map && after instanceof Map) {
      compare(where, join(path, "*"), before, after, dir);
      return;
    }
    if (Objects.equals(before, after)) {
      return;
    }
    boolean tighter =
        Boolean.FALSE.equals(after) || (after instanceof Map && !(before instanceof Map));
    report(
        at(where, path),
        "additionalProperties changed from " + show(before) + " to " + show(after),
        tighter,
        dir);
  }

  private void items(String where, String path, Object before, Object after, Direction dir) {
    if (before != null && after != null) {
      compare(where, path + "[]", before, after, dir);
    } else if (before != null || after != null) {
      report(
          at(where, path),
          "items schema " + Findings.changeVerb(before, after),
          after != null,
          dir);
    }
  }

  private void composition(
      String where,
      String path,
      String key,
      List<Object> before,
      List<Object> after,
      Direction dir) {
    int common = Math.min(before.size(), after.size());
    for (int i = 0; i < common; i++) {
      compare(where, join(path, key + "[" + i + "]"), before.get(i), after.get(i), dir);
    }
    boolean allOf = key.equals("allOf");
    boolean request = dir == Direction.REQUEST;
    for (int i = common; i < before.size(); i++) {
      // Fewer allOf parts: looser for a request, fewer fields in a response.
      report(
          at(where, join(path, key + "[" + i + "]")),
          "removed",
          allOf != request,
          Direction.REQUEST);
    }
    for (int i = common; i < after.size(); i++) {
      String what =
          allOf || request ? "added" : "added (a response of the new kind may not decode)";
      report(at(where, join(path, key + "[" + i + "]")), what, allOf == request, Direction.REQUEST);
    }
  }

  private static String at(String where, String path) {
    return path.isEmpty() ? where : where + ": " + path;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static BigDecimal number(Object value) {
    if (!(value instanceof Number)) {
      return null;
    }
    try {
      return new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      return null; // NaN or an infinity: compared as a changed value, without a direction
    }
  }

  static String show(Object value) {
    return value == null
        ? "(none)"
        : value instanceof String ? quote(value) : String.valueOf(value);
  }

  private static String quote(Object value) {
    return value instanceof String ? "'" + value + "'" : String.valueOf(value);
  }
}
