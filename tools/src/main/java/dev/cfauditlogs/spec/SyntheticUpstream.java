package dev.cfauditlogs.spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates upstream-shaped OpenAPI documents for tests and the benchmark: a seed document (one
 * that holds {@code GET /user/audit_logs}) plus any number of synthetic services, each with sixteen
 * paths and 26 components that reference each other in chains and cycles, through {@code
 * properties}, {@code items}, {@code additionalProperties}, {@code allOf}, {@code oneOf} and {@code
 * anyOf}, across services, and into the seed's shared components ({@code aaa_messages}, {@code
 * aaa_result_info}, ...). No seed component references a synthetic one, so slicing a generated
 * document gives exactly the seed's slice. The same arguments always give the same document.
 */
final class SyntheticUpstream {
  private static final int ENTITIES = 8;
  private static final long RANDOM_SEED = 20260101L;
  private static final String[] WORDS = {
    "account",
    "zone",
    "record",
    "token",
    "request",
    "identifier",
    "the",
    "a",
    "of",
    "to",
    "for",
    "settings",
    "rule",
    "policy",
    "returns",
    "list",
    "when",
    "is",
    "are",
    "value",
    "applied",
    "by",
    "configuration",
    "certificate",
    "origin",
    "edge",
    "cache",
    "deployment",
    "worker",
    "route",
    "filter",
    "action",
    "that",
    "this",
    "with",
    "Cloudflare",
    "API",
    "resource",
    "limits",
    "in",
    "specified",
    "optional",
    "default",
    "each",
    "may",
    "be",
    "and",
    "or",
    "not",
    "used",
    "name"
  };
  private static final String[] STATUSES = {
    "active", "pending", "initializing", "moved", "deleted"
  };

  private final Map<String, Object> seed;
  private final Map<String, Object> seedComponents;
  private final int services;
  private final SplittableRandom random = new SplittableRandom(RANDOM_SEED);

  private SyntheticUpstream(Map<String, Object> seed, int services) {
    this.seed = seed;
    this.seedComponents = Trees.map(seed, "components");
    this.services = services;
  }

  /** The seed plus {@code services} synthetic services (16 paths and 26 components each). */
  static Map<String, Object> generate(Map<String, Object> seed, int services) {
    return new SyntheticUpstream(seed, services).build();
  }

  /** A document whose {@link #bytes serialized} form is about {@code targetBytes} long. */
  static Map<String, Object> ofSize(Map<String, Object> seed, long targetBytes, boolean json) {
    int probe = 8;
    long base = bytes(generate(seed, 0), json).length;
    long perService = Math.max(1, (bytes(generate(seed, probe), json).length - base) / probe);
    int services = (int) Math.max(1, Math.round((double) (targetBytes - base) / perService));
    return generate(seed, services);
  }

  static byte[] bytes(Map<String, Object> document, boolean json) {
    String text = json ? JsonWriter.toCompactJson(document) : YamlWriter.writeUnchecked(document);
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code document} to {@code file} as one-line JSON (like upstream's) or YAML. */
  static void write(Map<String, Object> document, Path file, boolean json) {
    if (!json) {
      try {
        Files.write(file, bytes(document, false));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
      JsonWriter.write(document, out, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> build() {
    Map<String, Object> doc = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : seed.entrySet()) {
      doc.put(e.getKey(), Trees.copy(e.getValue()));
    }
    Map<String, Object> paths = child(doc, "paths");
    Map<String, Object> components = child(doc, "components");
    List<Object> tags = doc.get("tags") instanceof List ? Trees.asList(doc.get("tags")) : null;
    for (int k = 0; k < services; k++) {
      String p = prefix(k);
      if (tags != null) {
        tags.add(map("name", "Service " + k, "description", sentence(8)));
      }
      schemas(k, child(components, "schemas"));
      child(components, "parameters")
          .put(
              p + "entity_id",
              parameter("path", "entity_id", true, ref("schemas", p + "identifier")));
      child(components, "parameters")
          .put(
              p + "page",
              parameter("query", "page", false, map("type", "number", "minimum", 1, "default", 1)));
      child(components, "requestBodies")
          .put(
              p + "entity_body",
              map("required", true, "content", json(ref("schemas", p + "entity0"))));
      child(components, "responses")
          .put(
              p + "4XX",
              map(
                  "description",
                  "Failure",
                  "content",
                  json(ref("schemas", p + "api-response-common-failure"))));
      for (int j = 0; j < ENTITIES; j++) {
        paths(k, j, paths);
      }
    }
    doc.put("x-synthetic", map("services", services, "note", "generated by SyntheticUpstream"));
    return doc;
  }

  private void schemas(int k, Map<String, Object> schemas) {
    String p = prefix(k);
    schemas.put(
        p + "identifier",
        map("type", "string", "description", sentence(6), "example", hex(32), "maxLength", 32));
    Map<String, Object> message =
        map(
            "type", "object",
            "required", List.of("code", "message"),
            "properties",
                map(
                    "code", map("type", "integer", "minimum", 1000),
                    "message", map("type", "string"),
                    "documentation_url", map("type", "string")));
    schemas.put(p + "messages", map("type", "array", "example", List.of(), "items", message));
    schemas.put(
        p + "api-response-common",
        map(
            "type", "object",
            "required", List.of("success", "errors", "messages"),
            "properties",
                map(
                    "errors", ref("schemas", shared("schemas", "aaa_messages", p + "messages")),
                    "messages", ref("schemas", p + "messages"),
                    "success", map("type", "boolean", "description", sentence(5)))));
    schemas.put(
        p + "api-response-common-failure",
        map(
            "allOf",
            List.of(
                ref(
                    "schemas",
                    shared(
                        "schemas",
                        "aaa_api-response-common-failure",
                        p + "api-response-common")))));
    schemas.put(
        p + "setting_base",
        map(
            "type",
            "object",
            "properties",
            map(
                "id", ref("schemas", p + "identifier"),
                "modified_on", map("type", "string", "format", "date-time", "readOnly", true))));
    schemas.put(
        p + "setting",
        map(
            "allOf",
            List.of(
                ref("schemas", p + "setting_base"),
                map(
                    "type",
                    "object",
                    "properties",
                    map("value", map("type", "string", "description", sentence(12)))))));
    for (int j = 0; j < ENTITIES; j++) {
      schemas.put(p + "entity" + j, entity(k, j));
      schemas.put(
          p + "entity" + j + "_response_collection",
          map(
              "allOf",
              List.of(
                  ref("schemas", p + "api-response-common"),
                  map(
                      "properties",
                      map(
                          "result", map("type", "array", "items", ref("schemas", p + "entity" + j)),
                          "result_info",
                              ref(
                                  "schemas",
                                  shared("schemas", "aaa_result_info", p + "identifier")))))));
    }
    schemas.put(
        p + "entity_response_single",
        map(
            "allOf",
            List.of(
                ref("schemas", p + "api-response-common"),
                map("properties", map("result", ref("schemas", p + "entity0"))))));
  }

  private Map<String, Object> entity(int k, int j) {
    String p = prefix(k);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("id", ref("schemas", p + "identifier"));
    properties.put(
        "name",
        map(
            "type",
            "string",
            "description",
            sentence(10),
            "example",
            "example-" + hex(6),
            "maxLength",
            255));
    properties.put(
        "created_on",
        map(
            "type",
            "string",
            "format",
            "date-time",
            "description",
            sentence(7),
            "example",
            "2014-01-01T05:20:00.12345Z",
            "readOnly",
            true));
    properties.put(
        "status",
        map(
            "type",
            "string",
            "description",
            sentence(9),
            "enum",
            List.of(STATUSES),
            "example",
            STATUSES[j % STATUSES.length]));
    properties.put("next", ref("schemas", p + "entity" + ((j + 1) % ENTITIES)));
    properties.put(
        "children",
        map("type", "array", "items", ref("schemas", p + "entity" + ((j + 3) % ENTITIES))));
    properties.put(
        "settings", map("type", "object", "additionalProperties", ref("schemas", p + "setting")));
    properties.put("related", ref("schemas", prefix((k + 1) % services) + "entity" + j));
    properties.put(
        "variant",
        map(
            "oneOf",
            List.of(ref("schemas", p + "entity" + ((j + 2) % ENTITIES)), map("type", "string"))));
    properties.put(
        "key",
        map(
            "anyOf",
            List.of(ref("schemas", p + "identifier"), map("type", "integer", "minimum", 0))));
    properties.put(
        "meta",
        map(
            "type",
            "object",
            "description",
            sentence(25),
            "example",
            map("source", "api", "version", j)));
    return map(
        "type",
        "object",
        "description",
        sentence(30),
        "required",
        List.of("id", "name"),
        "properties",
        properties);
  }

  private void paths(int k, int j, Map<String, Object> paths) {
    String p = prefix(k);
    String base = "/accounts/{account_id}/" + p.substring(0, p.length() - 1) + "/entity" + j;
    Object account = ref("parameters", shared("parameters", "aaa_account_id", p + "entity_id"));
    Object failure = ref("responses", p + "4XX");
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put(
        "get",
        operation(
            k,
            j,
            "List",
            List.of(account, ref("parameters", p + "page")),
            null,
            p + "entity" + j + "_response_collection",
            failure));
    collection.put(
        "post",
        operation(
            k,
            j,
            "Create",
            List.of(account),
            ref("requestBodies", p + "entity_body"),
            p + "entity_response_single",
            failure));
    paths.put(base, collection);
    Map<String, Object> single = new LinkedHashMap<>();
    single.put("parameters", List.of(account, ref("parameters", p + "entity_id")));
    single.put(
        "get", operation(k, j, "Get", List.of(), null, p + "entity_response_single", failure));
    single.put(
        "put",
        operation(
            k,
            j,
            "Update",
            List.of(),
            ref("requestBodies", p + "entity_body"),
            p + "entity_response_single",
            failure));
    single.put(
        "delete", operation(k, j, "Delete", List.of(), null, p + "api-response-common", failure));
    paths.put(base + "/{entity_id}", single);
  }

  private Map<String, Object> operation(
      int k,
      int j,
      String verb,
      List<Object> parameters,
      Object body,
      String result,
      Object failure) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("tags", List.of("Service " + k));
    op.put("summary", verb + " entity" + j);
    op.put("description", sentence(20));
    op.put("operationId", prefix(k) + verb.toLowerCase(Locale.ROOT) + "-entity" + j);
    if (!parameters.isEmpty()) {
      op.put("parameters", parameters);
    }
    if (body != null) {
      op.put("requestBody", body);
    }
    op.put(
        "responses",
        map(
            "200",
            map("description", verb + " response", "content", json(ref("schemas", result))),
            "4XX",
            failure));
    op.put(
        "security",
        List.of(map("api_token", List.of()), map("api_email", List.of(), "api_key", List.of())));
    op.put("x-api-token-group", List.of("Service " + k + " Write", "Service " + k + " Read"));
    return op;
  }

  /** The seed's component if it has one (so services share it), otherwise the fallback. */
  private String shared(String kind, String name, String fallback) {
    return Trees.map(seedComponents, kind).containsKey(name) ? name : fallback;
  }

  private static String prefix(int k) {
    return String.format(Locale.ROOT, "s%04d_", k);
  }

  private static Map<String, Object> parameter(
      String in, String name, boolean required, Object schema) {
    Map<String, Object> param = map("in", in, "name", name, "schema", schema);
    if (required) {
      param.put("required", true);
    }
    return param;
  }

  private static Map<String, Object> json(Object schema) {
    return map("application/json", map("schema", schema));
  }

  private static Map<String, Object> ref(String kind, String name) {
    return map("$ref", "#/components/" + kind + "/" + name);
  }

  private static Map<String, Object> child(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (!(value instanceof Map)) {
      value = new LinkedHashMap<String, Object>();
      parent.put(key, value);
    }
    return Trees.asMap(value);
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private String sentence(int words) {
    List<String> picked = new ArrayList<>(words);
    for (int i = 0; i < words; i++) {
      picked.add(WORDS[random.nextInt(WORDS.length)]);
    }
    String text = String.join(" ", picked);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
  }

  private String hex(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(Character.forDigit(random.nextInt(16), 16));
    }
    return out.toString();
  }
}
