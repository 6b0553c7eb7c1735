package dev.cfauditlogs.spec;

import java.util.Map;
import java.util.Set;

/**
 * What a map in an OpenAPI document is, judged from the key it sits under: an object with fixed
 * fields ({@link Kind#STRUCT}: an operation, a schema), a map of names chosen by the author ({@link
 * Kind#NAMED}: {@code properties}, {@code paths}, {@code components/schemas}), or free data ({@link
 * Kind#DATA}: {@code example}, {@code enum}, {@code x-} extensions). The canonical key order and
 * the reference walk both depend on it: a property called {@code example} is a schema, not an
 * example.
 */
final class Shape {
  enum Kind {
    STRUCT,
    /** The {@code components} object: one named map per component kind. */
    COMPONENTS,
    NAMED,
    DATA
  }

  private static final Set<String> NAMED_KEYS =
      Set.of(
          "properties",
          "patternProperties",
          "paths",
          "webhooks",
          "responses",
          "content",
          "headers",
          "schemas",
          "securitySchemes",
          "requestBodies",
          "links",
          "callbacks",
          "variables",
          "encoding",
          "pathItems",
          "definitions",
          "$defs",
          "dependentSchemas",
          "mapping",
          "scopes");
  private static final Set<String> DATA_KEYS =
      Set.of("example", "default", "enum", "const", "value", "security");

  private Shape() {}

  /** The kind of {@code value}, found under {@code key} in a map of kind {@code parent}. */
  static Kind child(Kind parent, String key, Object value) {
    switch (parent) {
      case DATA:
        return Kind.DATA;
      case NAMED:
        return Kind.STRUCT;
      case COMPONENTS:
        return key.startsWith("x-") ? Kind.DATA : Kind.NAMED;
      default:
        break;
    }
    if (key.startsWith("x-") || DATA_KEYS.contains(key)) {
      return Kind.DATA;
    }
    if (key.equals("components")) {
      return Kind.COMPONENTS;
    }
    if (key.equals("parameters")) {
      return value instanceof Map ? Kind.NAMED : Kind.STRUCT;
    }
    if (key.equals("examples")) {
      return value instanceof Map ? Kind.NAMED : Kind.DATA;
    }
    return NAMED_KEYS.contains(key) ? Kind.NAMED : Kind.STRUCT;
  }
}
