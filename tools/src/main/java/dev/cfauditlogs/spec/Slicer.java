package dev.cfauditlogs.spec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cuts operations out of an upstream OpenAPI document — by default the two audit-log operations,
 * {@code GET /user/audit_logs} and {@code GET /accounts/{account_id}/audit_logs}: each operation,
 * the non-operation fields of its path item, and the transitive closure of every component it
 * references ({@code $ref}s anywhere below it, through {@code items}, {@code properties}, {@code
 * allOf} and the rest, and the security schemes its security requirements name). Nothing else of
 * upstream is kept except {@code openapi}, {@code info} and {@code servers}. Names are upstream's;
 * the output is in {@link KeyOrder canonical order}, so slicing the same document twice gives the
 * same tree.
 */
final class Slicer {
  /** The user's audit log (operationId {@code audit-logs-get-user-audit-logs}). */
  static final String PATH = "/user/audit_logs";

  /** An account's audit log (operationId {@code audit-logs-get-account-audit-logs}). */
  static final String ACCOUNT_PATH = "/accounts/{account_id}/audit_logs";

  /** Every path the slice holds, each with its {@link #METHOD} operation. */
  static final List<String> PATHS = List.of(PATH, ACCOUNT_PATH);

  static final String METHOD = "get";
  private static final String TITLE_SUFFIX = " - audit logs slice";

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final Map<String, Object> upstream;
  private final Map<String, Object> components;
  private final Set<ComponentRef> included = new LinkedHashSet<>();
  private final Deque<ComponentRef> pending = new ArrayDeque<>();

  private Slicer(Map<String, Object> upstream) {
    this.upstream = upstream;
    Object found = upstream.get("components");
    this.components = found instanceof Map ? Trees.asMap(found) : Map.of();
  }

  /** The slice of both audit-log operations ({@link #PATHS}). */
  static Map<String, Object> slice(Map<String, Object> upstream) {
    return slice(upstream, PATHS, METHOD);
  }

  static Map<String, Object> slice(Map<String, Object> upstream, String path, String method) {
    return slice(upstream, List.of(path), method);
  }

  static Map<String, Object> slice(
      Map<String, Object> upstream, List<String> paths, String method) {
    return new Slicer(upstream).run(paths, method);
  }

  /**
   * The excerpt of both audit-log operations: the same closure as {@link #slice}, but in upstream's
   * order with upstream's {@code info}, so it reads like the document it came from. It is what
   * {@code openapi/upstream/} keeps as the fixture: small enough to check in, and slicing it gives
   * exactly the slice of the whole document.
   */
  static Map<String, Object> excerpt(Map<String, Object> upstream) {
    Slicer slicer = new Slicer(upstream);
    Map<String, Object> items = new LinkedHashMap<>();
    for (String path : slicer.inUpstreamOrder(PATHS)) {
      items.put(path, slicer.close(path, METHOD));
    }
    return slicer.assembleExcerpt(items);
  }

  private Map<String, Object> run(List<String> paths, String method) {
    Map<String, Object> items = new LinkedHashMap<>();
    for (String path : paths) {
      items.put(path, close(path, method));
    }
    return assemble(items, inherited);
  }

  /** {@code paths} in the order the upstream document lists them (each must be there). */
  private List<String> inUpstreamOrder(List<String> paths) {
    for (String path : paths) {
      pathItem(path, METHOD);
    }
    Object all = upstream.get("paths");
    return Trees.asMap(all).keySet().stream().filter(paths::contains).toList();
  }

  /** The document's security, when the operation has none and inherits it; else null. */
  private Object inherited;

  /** Finds every component the operation reaches; returns its path item without other methods. */
  private Map<String, Object> close(String path, String method) {
    Map<String, Object> pathItem = pathItem(path, method);
    Map<String, Object> slicedItem = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : pathItem.entrySet()) {
      if (e.getKey().equals(method) || !METHODS.contains(e.getKey())) {
        slicedItem.put(e.getKey(), e.getValue());
      }
    }
    walk(slicedItem, Shape.Kind.STRUCT, "#/paths/" + token(path));

    // The operation's security requirements, or the document's if it has none (then copied too).
    Object security = Trees.asMap(pathItem.get(method)).get("security");
    if (security == null) {
      inherited = upstream.get("security");
      security = inherited;
    }
    includeSecuritySchemes(path, security);

    while (!pending.isEmpty()) {
      ComponentRef ref = pending.pop();
      walk(lookup(ref), Shape.Kind.STRUCT, ref.pointer());
    }
    return slicedItem;
  }

  private Map<String, Object> assembleExcerpt(Map<String, Object> paths) {
    Map<String, Object> excerpt = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : upstream.entrySet()) {
      switch (e.getKey()) {
        case "openapi", "info", "servers" -> excerpt.put(e.getKey(), e.getValue());
        case "paths" -> excerpt.put("paths", paths);
        case "components" -> excerpt.put("components", includedInUpstreamOrder());
        case "security" -> {
          if (inherited != null) {
            excerpt.put("security", inherited);
          }
        }
        default -> {
          // Everything else of upstream (tags, externalDocs, x-…) reaches no operation we slice.
        }
      }
    }
    return excerpt;
  }

  private Map<String, Object> includedInUpstreamOrder() {
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> kind : components.entrySet()) {
      if (!(kind.getValue() instanceof Map)) {
        continue;
      }
      Map<String, Object> names = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : Trees.asMap(kind.getValue()).entrySet()) {
        if (included.contains(new ComponentRef(kind.getKey(), e.getKey()))) {
          names.put(e.getKey(), e.getValue());
        }
      }
      if (!names.isEmpty()) {
        kept.put(kind.getKey(), names);
      }
    }
    return kept;
  }

  private Map<String, Object> pathItem(String path, String method) {
    Object paths = upstream.get("paths");
    if (!(paths instanceof Map)) {
      throw new SpecException("the upstream document has no 'paths' object");
    }
    Object item = Trees.asMap(paths).get(path);
    if (!(item instanceof Map)) {
      throw new SpecException(
          "the upstream document has no path "
              + path
              + " (it has "
              + Trees.asMap(paths).size()
              + " others); is this Cloudflare's API document?");
    }
    Map<String, Object> pathItem = Trees.asMap(item);
    if (!(pathItem.get(method) instanceof Map)) {
      throw new SpecException(
          "the upstream path "
              + path
              + " has no "
              + method.toUpperCase(Locale.ROOT)
              + " operation (it has: "
              + String.join(", ", pathItem.keySet())
              + ")");
    }
    return pathItem;
  }

  private Map<String, Object> assemble(Map<String, Object> paths, Object security) {
    Map<String, Object> slice = new LinkedHashMap<>();
    slice.put("openapi", upstream.getOrDefault("openapi", "3.0.3"));
    slice.put("info", info());
    if (upstream.containsKey("servers")) {
      slice.put("servers", upstream.get("servers"));
    }
    slice.put("paths", paths);
    if (!included.isEmpty()) {
      Map<String, Map<String, Object>> sliced = new TreeMap<>();
      for (ComponentRef ref : included) {
        sliced.computeIfAbsent(ref.kind(), k -> new TreeMap<>()).put(ref.name(), lookup(ref));
      }
      slice.put("components", sliced);
    }
    if (security != null) {
      slice.put("security", security);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> canonical = (Map<String, Object>) KeyOrder.canonical(slice);
    return canonical;
  }

  private Map<String, Object> info() {
    Map<String, Object> info = new LinkedHashMap<>();
    Object upstreamInfo = upstream.get("info");
    if (upstreamInfo instanceof Map) {
      info.putAll(Trees.asMap(upstreamInfo));
    }
    String title = String.valueOf(info.getOrDefault("title", "API"));
    info.put("title", title.endsWith(TITLE_SUFFIX) ? title : title + TITLE_SUFFIX);
    info.put(
        "description",
        "The `GET /user/audit_logs` and `GET /accounts/{account_id}/audit_logs` operations of"
            + " Cloudflare's published API document, with every component they reference, under their upstream names. Written by"
            + " openapi/update-spec; see openapi/README.md.");
    info.putIfAbsent("version", "0");
    return info;
  }

  private void includeSecuritySchemes(String path, Object security) {
    if (security == null) {
      return;
    }
    if (!(security instanceof List)) {
      throw new SpecException("'security' of " + path + " is not a list");
    }
    for (Object requirement : Trees.asList(security)) {
      if (!(requirement instanceof Map)) {
        throw new SpecException("a security requirement of " + path + " is not an object");
      }
      for (String scheme : Trees.asMap(requirement).keySet()) {
        ComponentRef ref = new ComponentRef("securitySchemes", scheme);
        require(ref, "the security requirement '" + scheme + "'");
        include(ref);
      }
    }
  }

  /** Follows every {@code $ref} below {@code value}; {@code where} names it in error messages. */
  private void walk(Object value, Shape.Kind kind, String where) {
    if (value instanceof Map) {
      Map<String, Object> map = Trees.asMap(value);
      Object ref = map.get("$ref");
      if (ref instanceof String) {
        follow((String) ref, kind, where);
      }
      for (Map.Entry<String, Object> e : map.entrySet()) {
        Object child = e.getValue();
        if (child instanceof Map || child instanceof List) {
          walk(child, Shape.child(kind, e.getKey(), child), where + "/" + token(e.getKey()));
        }
      }
    } else if (value instanceof List) {
      List<Object> list = Trees.asList(value);
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), kind, where + "/" + i);
      }
    }
  }

  private void follow(String ref, Shape.Kind kind, String where) {
    Optional<ComponentRef> target = ComponentRef.parse(ref);
    boolean data = kind == Shape.Kind.DATA;
    if (target.isEmpty()) {
      if (data) {
        return; // A "$ref" inside an example or an extension is only data.
      }
      throw new SpecException(
          "unsupported $ref '"
              + ref
              + "' at "
              + where
              + ": only local references to #/components/<kind>/<name> can be sliced");
    }
    if (data && !exists(target.get())) {
      return;
    }
    require(target.get(), "$ref '" + ref + "' at " + where);
    include(target.get());
  }

  /** A JSON pointer token. */
  private static String token(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private void include(ComponentRef ref) {
    if (included.add(ref)) {
      pending.push(ref);
    }
  }

  private boolean exists(ComponentRef ref) {
    Object kind = components.get(ref.kind());
    return kind instanceof Map && Trees.asMap(kind).containsKey(ref.name());
  }

  /** Fails, naming {@code referrer}, unless upstream defines {@code ref}. */
  private void require(ComponentRef ref, String referrer) {
    if (!exists(ref)) {
      throw new SpecException(
          referrer
              + " points to "
              + ref.pointer()
              + ", which the upstream document does not define");
    }
  }

  private Object lookup(ComponentRef ref) {
    return Trees.asMap(components.get(ref.kind())).get(ref.name());
  }
}
