package dev.cfauditlogs.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares the security of the old and the new operation: the alternatives a caller may satisfy,
 * and the definitions of the schemes they name. Losing an alternative or changing how a scheme is
 * sent is breaking; a new alternative is not.
 */
final class SecurityDrift {
  /** The fields that say how a credential is sent. */
  private static final List<String> SCHEME_CONTRACT =
      List.of("type", "scheme", "bearerFormat", "in", "name", "flows", "openIdConnectUrl");

  private SecurityDrift() {}

  static void compare(Findings findings, Map<String, Object> oldOp, Map<String, Object> newOp) {
    Map<String, Object> oldDoc = findings.oldDoc;
    Map<String, Object> newDoc = findings.newDoc;
    List<Object> before = requirements(oldDoc, oldOp);
    List<Object> after = requirements(newDoc, newOp);
    for (Object alternative : before) {
      if (!after.contains(alternative)) {
        findings.breaking("security", "alternative " + describe(alternative) + " removed");
      }
    }
    for (Object alternative : after) {
      if (!before.contains(alternative)) {
        findings.nonBreaking("security", "alternative " + describe(alternative) + " added");
      }
    }
    Map<String, Object> oldSchemes = Trees.map(Trees.map(oldDoc, "components"), "securitySchemes");
    Map<String, Object> newSchemes = Trees.map(Trees.map(newDoc, "components"), "securitySchemes");
    for (Map.Entry<String, Object> e : oldSchemes.entrySet()) {
      String where = "security scheme " + e.getKey();
      if (!newSchemes.containsKey(e.getKey())) {
        findings.breaking(where, "removed");
        continue;
      }
      Map<String, Object> o = Findings.resolve(oldDoc, e.getValue(), where);
      Map<String, Object> n = Findings.resolve(newDoc, newSchemes.get(e.getKey()), where);
      for (String key : SCHEME_CONTRACT) {
        if (!Objects.equals(o.get(key), n.get(key))) {
          findings.breaking(
              where,
              key
                  + " changed from "
                  + SchemaDrift.show(o.get(key))
                  + " to "
                  + SchemaDrift.show(n.get(key)));
        }
      }
      findings.cosmeticOrUnhandled(where, o, n, Set.copyOf(SCHEME_CONTRACT));
    }
    for (String name : newSchemes.keySet()) {
      if (!oldSchemes.containsKey(name)) {
        findings.nonBreaking("security scheme " + name, "added");
      }
    }
  }

  /** The operation's security alternatives (or the document's), each as a sorted map. */
  private static List<Object> requirements(Map<String, Object> doc, Map<String, Object> op) {
    Object security = op.containsKey("security") ? op.get("security") : doc.get("security");
    List<Object> alternatives = new ArrayList<>();
    if (security instanceof List) {
      for (Object requirement : Trees.asList(security)) {
        alternatives.add(
            requirement instanceof Map ? new TreeMap<>(Trees.asMap(requirement)) : requirement);
      }
    }
    return alternatives;
  }

  private static String describe(Object requirement) {
    if (requirement instanceof Map) {
      Map<String, Object> map = Trees.asMap(requirement);
      return map.isEmpty() ? "(no authentication)" : String.join(" + ", map.keySet());
    }
    return String.valueOf(requirement);
  }
}
