package dev.cfauditlogs.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deterministic key order of every map in a slice. Fixed OpenAPI fields come in a conventional
 * order (a schema's {@code type} before its {@code properties}), then other fields alphabetically,
 * then {@code x-} extensions alphabetically; author-chosen names and free data are alphabetical.
 * Arrays keep their upstream order: it carries meaning (parameters, enums, {@code oneOf}).
 */
final class KeyOrder {
  private static final List<String> FIELDS =
      List.of(
          "$ref",
          "openapi",
          "info",
          "jsonSchemaDialect",
          "servers",
          "paths",
          "webhooks",
          "components",
          "title",
          "type",
          "format",
          "name",
          "in",
          "url",
          "tags",
          "summary",
          "scheme",
          "bearerFormat",
          "description",
          "operationId",
          "termsOfService",
          "contact",
          "license",
          "version",
          "email",
          "identifier",
          "required",
          "deprecated",
          "allowEmptyValue",
          "style",
          "explode",
          "allowReserved",
          "nullable",
          "readOnly",
          "writeOnly",
          "const",
          "enum",
          "default",
          "schema",
          "content",
          "minimum",
          "exclusiveMinimum",
          "maximum",
          "exclusiveMaximum",
          "multipleOf",
          "minLength",
          "maxLength",
          "pattern",
          "minItems",
          "maxItems",
          "uniqueItems",
          "minProperties",
          "maxProperties",
          "example",
          "examples",
          "discriminator",
          "propertyName",
          "mapping",
          "properties",
          "additionalProperties",
          "patternProperties",
          "items",
          "allOf",
          "oneOf",
          "anyOf",
          "not",
          "parameters",
          "get",
          "put",
          "post",
          "delete",
          "options",
          "head",
          "patch",
          "trace",
          "requestBody",
          "responses",
          "callbacks",
          "headers",
          "links",
          "encoding",
          "contentType",
          "security",
          "value",
          "externalValue",
          "externalDocs",
          "xml",
          "variables",
          "flows",
          "authorizationUrl",
          "tokenUrl",
          "refreshUrl",
          "scopes",
          "openIdConnectUrl");
  private static final Map<String, Integer> RANK = new HashMap<>();

  static {
    for (int i = 0; i < FIELDS.size(); i++) {
      RANK.put(FIELDS.get(i), i);
    }
  }

  /** Ranked fields, then unknown fields, then extensions; ties alphabetical (by UTF-16 units). */
  private static final Comparator<String> STRUCT_ORDER =
      Comparator.comparingInt(KeyOrder::group)
          .thenComparingInt(k -> RANK.getOrDefault(k, 0))
          .thenComparing(Comparator.naturalOrder());

  private KeyOrder() {}

  /** A copy of the document tree with every map in canonical order; shares no containers. */
  static Object canonical(Object tree) {
    return canonical(tree, Shape.Kind.STRUCT);
  }

  @SuppressWarnings("unchecked")
  private static Object canonical(Object value, Shape.Kind kind) {
    if (value instanceof Map) {
      Map<String, Object> map = (Map<String, Object>) value;
      List<String> keys = new ArrayList<>(map.keySet());
      keys.sort(kind == Shape.Kind.STRUCT ? STRUCT_ORDER : Comparator.naturalOrder());
      Map<String, Object> copy = new LinkedHashMap<>();
      for (String key : keys) {
        Object child = map.get(key);
        copy.put(key, canonical(child, Shape.child(kind, key, child)));
      }
      return copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<Object>) value) {
        copy.add(canonical(item, kind));
      }
      return copy;
    }
    return value;
  }

  private static int group(String key) {
    if (RANK.containsKey(key)) {
      return 0;
    }
    return key.startsWith("x-") ? 2 : 1;
  }
}
