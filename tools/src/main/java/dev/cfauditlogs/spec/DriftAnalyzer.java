package dev.cfauditlogs.spec;

import dev.cfauditlogs.spec.SchemaDrift.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the checked-in slice with a new one, semantically: parameters by name and location,
 * request and response schemas through {@link SchemaDrift}, security requirements and schemes, and
 * the operation's own fields, for each audit-log operation ({@link Slicer#PATHS}); an operation
 * that only the new slice has is non-breaking, one that only the old slice has is breaking. See
 * {@code openapi/README.md} for what counts as breaking.
 */
final class DriftAnalyzer {
  private static final Set<String> OPERATION_HANDLED =
      Set.of(
          "parameters",
          "requestBody",
          "responses",
          "security",
          "operationId",
          "deprecated",
          "servers");

  private final Findings findings;
  private final SchemaDrift schemas;

  private DriftAnalyzer(Map<String, Object> oldSlice, Map<String, Object> newSlice) {
    this.findings = new Findings(oldSlice, newSlice);
    this.schemas = new SchemaDrift(findings);
  }

  static DriftReport compare(Map<String, Object> oldSlice, Map<String, Object> newSlice) {
    DriftAnalyzer analyzer = new DriftAnalyzer(oldSlice, newSlice);
    analyzer.run();
    return analyzer.findings.report();
  }

  private void run() {
    Map<String, Object> oldDoc = findings.oldDoc;
    Map<String, Object> newDoc = findings.newDoc;
    document(oldDoc, newDoc);
    for (String path : Slicer.PATHS) {
      // The user operation's findings keep their plain places (it was the only one once); the
      // account operation's are prefixed with its path.
      findings.within(path.equals(Slicer.PATH) ? "" : "GET " + path);
      Map<String, Object> oldItem = pathItem(oldDoc, path);
      Map<String, Object> newItem = pathItem(newDoc, path);
      if (oldItem == null && newItem == null) {
        continue; // nothing to compare (the slicer always cuts both; a test fixture may hold one)
      } else if (oldItem == null) {
        findings.nonBreaking("operation", "added");
      } else if (newItem == null) {
        findings.breaking("operation", "removed");
      } else {
        operation(path, oldItem, newItem);
      }
    }
    findings.within("");
    if (findings.isEmpty() && !oldDoc.equals(newDoc)) {
      findings.cosmetic("document", "changes outside what the operations use");
    }
  }

  private void operation(String path, Map<String, Object> oldItem, Map<String, Object> newItem) {
    Map<String, Object> oldOp = Trees.map(oldItem, Slicer.METHOD);
    Map<String, Object> newOp = Trees.map(newItem, Slicer.METHOD);
    servers("path " + path, oldItem.get("servers"), newItem.get("servers"));
    findings.cosmeticOrUnhandled(
        "path " + path, oldItem, newItem, Set.of("parameters", "servers", Slicer.METHOD));

    new ParameterDrift(findings, schemas).compare(oldItem, oldOp, newItem, newOp);
    requestBody(oldOp.get("requestBody"), newOp.get("requestBody"));
    responses(Trees.map(oldOp, "responses"), Trees.map(newOp, "responses"));
    SecurityDrift.compare(findings, oldOp, newOp);
    operation(oldOp, newOp);
  }

  private void document(Map<String, Object> oldDoc, Map<String, Object> newDoc) {
    if (!Objects.equals(oldDoc.get("openapi"), newDoc.get("openapi"))) {
      findings.nonBreaking(
          "document",
          "OpenAPI version changed from "
              + oldDoc.get("openapi")
              + " to "
              + newDoc.get("openapi")
              + " (the generator must support it)");
    }
    if (!Objects.equals(oldDoc.get("info"), newDoc.get("info"))) {
      findings.cosmetic("info", "changed");
    }
    servers("servers", oldDoc.get("servers"), newDoc.get("servers"));
  }

  private void servers(String where, Object before, Object after) {
    if (Objects.equals(before, after)) {
      return;
    }
    List<Object> oldUrls = urls(before);
    List<Object> newUrls = urls(after);
    if (oldUrls.equals(newUrls)) {
      findings.cosmetic(where, "server descriptions changed");
    } else {
      findings.breaking(where, "server URLs changed from " + oldUrls + " to " + newUrls);
    }
  }

  private static List<Object> urls(Object servers) {
    List<Object> urls = new ArrayList<>();
    if (servers instanceof List) {
      for (Object server : Trees.asList(servers)) {
        urls.add(server instanceof Map ? Trees.asMap(server).get("url") : server);
      }
    }
    return urls;
  }

  /** The path item with a GET operation at {@code path}, or null when there is none. */
  private static Map<String, Object> pathItem(Map<String, Object> doc, String path) {
    Object item = Trees.map(doc, "paths").get(path);
    if (!(item instanceof Map) || !(Trees.asMap(item).get(Slicer.METHOD) instanceof Map)) {
      return null;
    }
    return Trees.asMap(item);
  }

  private void requestBody(Object before, Object after) {
    String where = "request body";
    if (before == null && after == null) {
      return;
    }
    Map<String, Object> o =
        before == null ? null : Findings.resolve(findings.oldDoc, before, where);
    Map<String, Object> n = after == null ? null : Findings.resolve(findings.newDoc, after, where);
    if (o == null) {
      if (Boolean.TRUE.equals(n.get("required"))) {
        findings.breaking(where, "new required request body");
      } else {
        findings.nonBreaking(where, "new optional request body");
      }
      return;
    }
    if (n == null) {
      findings.breaking(where, "removed");
      return;
    }
    if (!Boolean.TRUE.equals(o.get("required")) && Boolean.TRUE.equals(n.get("required"))) {
      findings.breaking(where, "now required");
    }
    schemas.content(where, Trees.map(o, "content"), Trees.map(n, "content"), Direction.REQUEST);
    findings.cosmeticOrUnhandled(where, o, n, Set.of("required", "content"));
  }

  private void responses(Map<String, Object> before, Map<String, Object> after) {
    for (Map.Entry<String, Object> e : before.entrySet()) {
      String status = e.getKey();
      String where = "response " + status;
      if (!after.containsKey(status)) {
        if (status.startsWith("2")) {
          findings.breaking(where, "removed");
        } else {
          findings.nonBreaking(where, "removed (the client still handles the status generically)");
        }
        continue;
      }
      Map<String, Object> o = Findings.resolve(findings.oldDoc, e.getValue(), where);
      Map<String, Object> n = Findings.resolve(findings.newDoc, after.get(status), where);
      schemas.content(where, Trees.map(o, "content"), Trees.map(n, "content"), Direction.RESPONSE);
      for (String key : List.of("headers", "links")) {
        if (!Objects.equals(o.get(key), n.get(key))) {
          findings.nonBreaking(where, key + " changed");
        }
      }
      findings.cosmeticOrUnhandled(where, o, n, Set.of("content", "headers", "links"));
    }
    for (String status : after.keySet()) {
      if (!before.containsKey(status)) {
        findings.nonBreaking("response " + status, "added");
      }
    }
  }

  private void operation(Map<String, Object> o, Map<String, Object> n) {
    String where = "operation";
    if (!Objects.equals(o.get("operationId"), n.get("operationId"))) {
      findings.breaking(
          where,
          "operationId changed from "
              + SchemaDrift.show(o.get("operationId"))
              + " to "
              + SchemaDrift.show(n.get("operationId"))
              + " (the generated method is named after it)");
    }
    if (!Objects.equals(o.get("deprecated"), n.get("deprecated"))) {
      findings.nonBreaking(
          where, Boolean.TRUE.equals(n.get("deprecated")) ? "deprecated" : "no longer deprecated");
    }
    servers(where, o.get("servers"), n.get("servers"));
    findings.cosmeticOrUnhandled(where, o, n, OPERATION_HANDLED);
  }
}
