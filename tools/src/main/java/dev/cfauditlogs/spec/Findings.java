package dev.cfauditlogs.spec;

import dev.cfauditlogs.spec.DriftReport.Finding;
import dev.cfauditlogs.spec.DriftReport.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects findings while two slices are compared, and resolves {@code $ref}s in either of them.
 */
final class Findings {
  /** Keys whose changes are text only, wherever they appear. */
  static final Set<String> COSMETIC_KEYS =
      Set.of(
          "description", "summary", "title", "example", "examples", "externalDocs", "xml", "tags");

  private static final int MAX_REF_HOPS = 64;

  final Map<String, Object> oldDoc;
  final Map<String, Object> newDoc;
  private final List<Finding> list = new ArrayList<>();
  private String operation = "";

  /**
   * Names the operation the following findings belong to ({@code ""} for none): its text is put
   * before each finding's place.
   */
  void within(String operation) {
    this.operation = operation;
  }

  Findings(Map<String, Object> oldDoc, Map<String, Object> newDoc) {
    this.oldDoc = oldDoc;
    this.newDoc = newDoc;
  }

  void add(Severity severity, String where, String what) {
    list.add(new Finding(severity, operation.isEmpty() ? where : operation + " " + where, what));
  }

  void breaking(String where, String what) {
    add(Severity.BREAKING, where, what);
  }

  void nonBreaking(String where, String what) {
    add(Severity.NON_BREAKING, where, what);
  }

  void cosmetic(String where, String what) {
    add(Severity.COSMETIC, where, what);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  DriftReport report() {
    return new DriftReport(list);
  }

  /**
   * Reports a cosmetic change for each text-only key that differs, and returns true if some other
   * key outside {@code handled} differs (an extension counts as text).
   */
  boolean cosmeticOrUnhandled(
      String where, Map<String, Object> o, Map<String, Object> n, Set<String> handled) {
    boolean unhandled = false;
    Set<String> keys = new TreeSet<>(o.keySet());
    keys.addAll(n.keySet());
    for (String key : keys) {
      if (handled.contains(key) || Objects.equals(o.get(key), n.get(key))) {
        continue;
      }
      if (COSMETIC_KEYS.contains(key) || key.startsWith("x-")) {
        cosmetic(where, key + " " + changeVerb(o.get(key), n.get(key)));
      } else {
        unhandled = true;
        breaking(
            where,
            "unclassified change to '"
                + key
                + "' (review it): "
                + o.get(key)
                + " -> "
                + n.get(key));
      }
    }
    return unhandled;
  }

  static String changeVerb(Object before, Object after) {
    if (before == null) {
      return "added";
    }
    return after == null ? "removed" : "changed";
  }

  /** The map {@code node} stands for in {@code doc}, following {@code $ref}s. */
  static Map<String, Object> resolve(Map<String, Object> doc, Object node, String where) {
    Object current = node;
    for (int hops = 0; hops < MAX_REF_HOPS; hops++) {
      if (!(current instanceof Map)) {
        return Map.of();
      }
      Map<String, Object> map = Trees.asMap(current);
      Object ref = map.get("$ref");
      if (!(ref instanceof String)) {
        return map;
      }
      current = target(doc, (String) ref, where);
    }
    throw new SpecException("more than " + MAX_REF_HOPS + " $ref hops at " + where);
  }

  /** The component {@code ref} names in {@code doc}. */
  static Object target(Map<String, Object> doc, String ref, String where) {
    ComponentRef component =
        ComponentRef.parse(ref)
            .orElseThrow(() -> new SpecException("unsupported $ref '" + ref + "' at " + where));
    Object found = Trees.map(Trees.map(doc, "components"), component.kind()).get(component.name());
    if (found == null) {
      throw new SpecException("dangling $ref '" + ref + "' at " + where);
    }
    return found;
  }

  /** The component name of a {@code $ref} node, or null if it is not a reference. */
  static String refName(Object node) {
    if (node instanceof Map && Trees.asMap(node).get("$ref") instanceof String) {
      String ref = (String) Trees.asMap(node).get("$ref");
      return ComponentRef.parse(ref).map(ComponentRef::name).orElse(ref);
    }
    return null;
  }
}
