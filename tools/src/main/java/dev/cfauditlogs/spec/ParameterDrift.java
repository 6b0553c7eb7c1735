package dev.cfauditlogs.spec;

import dev.cfauditlogs.spec.SchemaDrift.Direction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the parameters of the old and the new operation (path-level ones included) by name and
 * location: removed, renamed (one removed and one added with the same contract), added, reordered,
 * and changed (required, serialization, schema).
 *
 * <p>The generated Retrofit method takes one positional argument per parameter, in the document's
 * order, so an added parameter changes its signature (the facade's call no longer compiles) and a
 * reordered one may silently swap two arguments of the same Java type: both are breaking for this
 * client, whatever they mean on the wire.
 */
final class ParameterDrift {
  private final Findings findings;
  private final SchemaDrift schemas;

  ParameterDrift(Findings findings, SchemaDrift schemas) {
    this.findings = findings;
    this.schemas = schemas;
  }

  void compare(
      Map<String, Object> oldItem,
      Map<String, Object> oldOp,
      Map<String, Object> newItem,
      Map<String, Object> newOp) {
    compare(collect(findings.oldDoc, oldItem, oldOp), collect(findings.newDoc, newItem, newOp));
  }

  /** Effective parameters, path-level first, by "name (in)". */
  private static Map<String, Map<String, Object>> collect(
      Map<String, Object> doc, Map<String, Object> item, Map<String, Object> op) {
    Map<String, Map<String, Object>> params = new LinkedHashMap<>();
    for (Map<String, Object> source : List.of(item, op)) {
      List<Object> list = Trees.list(source, "parameters");
      for (int i = 0; i < list.size(); i++) {
        Map<String, Object> param = Findings.resolve(doc, list.get(i), "parameter #" + i);
        params.put(param.get("name") + " (" + param.get("in") + ")", param);
      }
    }
    return params;
  }

  private void compare(
      Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
    List<String> removed = new ArrayList<>(before.keySet());
    removed.removeAll(after.keySet());
    List<String> added = new ArrayList<>(after.keySet());
    added.removeAll(before.keySet());

    Set<String> renamed = new HashSet<>();
    for (String gone : removed) {
      for (String fresh : added) {
        if (!renamed.contains(fresh) && sameContract(before.get(gone), after.get(fresh))) {
          findings.breaking(
              "parameter " + gone,
              "renamed? "
                  + before.get(gone).get("name")
                  + " -> "
                  + after.get(fresh).get("name")
                  + " (same schema; requests using the old name are no longer understood)");
          renamed.add(gone);
          renamed.add(fresh);
          break;
        }
      }
    }
    for (String gone : removed) {
      if (!renamed.contains(gone)) {
        findings.breaking("parameter " + gone, "removed (requests sending it may be rejected)");
      }
    }
    for (String fresh : added) {
      if (!renamed.contains(fresh)) {
        if (Boolean.TRUE.equals(after.get(fresh).get("required"))) {
          findings.breaking("parameter " + fresh, "new required parameter");
        } else {
          findings.breaking(
              "parameter " + fresh,
              "new optional parameter (the generated method gains an argument: adapt the facade's"
                  + " call)");
        }
      }
    }
    order(before, after);
    for (Map.Entry<String, Map<String, Object>> e : before.entrySet()) {
      if (after.containsKey(e.getKey())) {
        parameter("parameter " + e.getKey(), e.getValue(), after.get(e.getKey()));
      }
    }
  }

  /** The parameters both versions have must keep their relative order (positional arguments). */
  private void order(
      Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
    List<String> was = new ArrayList<>(before.keySet());
    was.retainAll(after.keySet());
    List<String> now = new ArrayList<>(after.keySet());
    now.retainAll(before.keySet());
    if (!was.equals(now)) {
      findings.breaking(
          "parameters",
          "order changed from "
              + was
              + " to "
              + now
              + " (the generated method's arguments move: two of the same type may be swapped"
              + " silently)");
    }
  }

  private void parameter(String where, Map<String, Object> o, Map<String, Object> n) {
    boolean wasRequired = Boolean.TRUE.equals(o.get("required"));
    boolean isRequired = Boolean.TRUE.equals(n.get("required"));
    if (!wasRequired && isRequired) {
      findings.breaking(where, "now required");
    } else if (wasRequired && !isRequired) {
      findings.nonBreaking(where, "no longer required");
    }
    for (String key : List.of("style", "explode", "allowReserved", "allowEmptyValue")) {
      if (!Objects.equals(o.get(key), n.get(key))) {
        findings.breaking(
            where,
            key
                + " changed from "
                + SchemaDrift.show(o.get(key))
                + " to "
                + SchemaDrift.show(n.get(key))
                + " (the value is sent differently)");
      }
    }
    if (!Objects.equals(o.get("deprecated"), n.get("deprecated"))) {
      findings.nonBreaking(
          where, Boolean.TRUE.equals(n.get("deprecated")) ? "deprecated" : "no longer deprecated");
    }
    if (o.containsKey("schema") || n.containsKey("schema")) {
      schemas.compare(where, o.get("schema"), n.get("schema"), Direction.REQUEST);
    }
    schemas.content(where, Trees.map(o, "content"), Trees.map(n, "content"), Direction.REQUEST);
    findings.cosmeticOrUnhandled(
        where,
        o,
        n,
        Set.of(
            "name",
            "in",
            "required",
            "style",
            "explode",
            "allowReserved",
            "allowEmptyValue",
            "deprecated",
            "schema",
            "content"));
  }

  /** Equal apart from the name and text: the test for a renamed parameter. */
  private static boolean sameContract(Map<String, Object> a, Map<String, Object> b) {
    return Objects.equals(a.get("in"), b.get("in"))
        && Objects.equals(withoutText(a, true), withoutText(b, true));
  }

  private static Object withoutText(Object value, boolean dropName) {
    if (value instanceof Map) {
      Map<String, Object> copy = new TreeMap<>();
      for (Map.Entry<String, Object> e : Trees.asMap(value).entrySet()) {
        String key = e.getKey();
        if (!(dropName && key.equals("name"))
            && !Findings.COSMETIC_KEYS.contains(key)
            && !key.startsWith("x-")) {
          copy.put(key, withoutText(e.getValue(), false));
        }
      }
      return copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : Trees.asList(value)) {
        copy.add(withoutText(item, false));
      }
      return copy;
    }
    return value;
  }
}
