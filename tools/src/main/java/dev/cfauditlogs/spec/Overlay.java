package dev.cfauditlogs.spec;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An <a href="https://spec.openapis.org/overlay/v1.0.0.html">OpenAPI Overlay 1.0.0</a> document: an
 * ordered list of actions, each a JSONPath {@code target} with an {@code update} (merged into every
 * node the target selects: objects recursively, arrays appended to, other values replaced) or
 * {@code remove: true} (every selected node is taken out of its parent). Targets are evaluated by
 * Jayway JsonPath; write them in the syntax it shares with RFC 9535 (filters in parentheses).
 */
final class Overlay {
  private static final Configuration PATHS =
      Configuration.defaultConfiguration()
          .addOptions(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS);
  private static final Configuration NODES = Configuration.defaultConfiguration();

  /** One action; {@code index} counts from 1 in the order of the document. */
  record Action(int index, String target, String description, Object update, boolean remove) {
    /** How the report names this action. */
    String label() {
      return "overlay action " + index + " (" + target + ")";
    }

    /** The first sentence of the description: why the action exists. */
    String reason() {
      return description.strip().split("(?<=\\.)\\s", 2)[0];
    }
  }

  private final List<Action> actions;

  private Overlay(List<Action> actions) {
    this.actions = actions;
  }

  List<Action> actions() {
    return actions;
  }

  /** Reads and checks an overlay document; {@code name} says where it came from in errors. */
  static Overlay parse(Map<String, Object> document, String name) {
    Object version = document.get("overlay");
    if (!(version instanceof String text) || !text.matches("1\\.0\\.\\d+")) {
      throw new SpecException(name + " is not an Overlay 1.0 document ('overlay: 1.0.0' missing)");
    }
    Map<String, Object> info = Trees.map(document, "info");
    if (!(info.get("title") instanceof String) || !(info.get("version") instanceof String)) {
      throw new SpecException(name + ": 'info' needs a 'title' and a 'version'");
    }
    if (!(document.get("actions") instanceof List<?> list) || list.isEmpty()) {
      throw new SpecException(name + ": 'actions' must be a non-empty list");
    }
    List<Action> actions = new ArrayList<>();
    for (Object item : list) {
      int index = actions.size() + 1;
      if (!(item instanceof Map)) {
        throw new SpecException(name + ": action " + index + " is not an object");
      }
      Map<String, Object> action = Trees.asMap(item);
      if (!(action.get("target") instanceof String target) || target.isBlank()) {
        throw new SpecException(name + ": action " + index + " has no 'target'");
      }
      try {
        JsonPath.compile(target);
      } catch (InvalidPathException e) {
        throw new SpecException(
            name + ": action " + index + " has an invalid target " + target + ": " + e.getMessage(),
            e);
      }
      boolean remove = Boolean.TRUE.equals(action.get("remove"));
      Object update = action.get("update");
      if (remove == (update != null)) {
        throw new SpecException(
            name + ": action " + index + " needs exactly one of 'update' or 'remove: true'");
      }
      String description = action.get("description") instanceof String d ? d : "";
      if (description.isBlank()) {
        // This project's rule, not the Overlay specification's: every correction says why.
        throw new SpecException(
            name + ": action " + index + " (" + target + ") has no 'description' saying why");
      }
      actions.add(new Action(index, target, description, update, remove));
    }
    return new Overlay(List.copyOf(actions));
  }

  /** What applying the overlay made, and the actions whose target selected nothing. */
  record Applied(Map<String, Object> document, List<Action> unmatched) {}

  /** Applies every action in order to a copy of {@code document}; the input is not changed. */
  Applied apply(Map<String, Object> document) {
    Map<String, Object> tree = Trees.asMap(Trees.copy(document));
    List<Action> unmatched = new ArrayList<>();
    for (Action action : actions) {
      DocumentContext context = JsonPath.using(PATHS).parse(tree);
      List<String> paths = context.read(action.target());
      if (paths == null || paths.isEmpty()) {
        unmatched.add(action);
        continue;
      }
      if (action.remove()) {
        JsonPath.using(NODES).parse(tree).delete(action.target());
        continue;
      }
      DocumentContext nodes = JsonPath.using(NODES).parse(tree);
      for (String path : paths) {
        Object node = nodes.read(path);
        update(node, action, path);
      }
    }
    return new Applied(tree, List.copyOf(unmatched));
  }

  private static void update(Object node, Action action, String path) {
    if (node instanceof Map) {
      if (!(action.update() instanceof Map)) {
        throw new SpecException(
            action.label()
                + ": selects an object at "
                + path
                + " but its 'update' is not an object");
      }
      merge(Trees.asMap(node), Trees.asMap(action.update()));
    } else if (node instanceof List) {
      Trees.asList(node).add(Trees.copy(action.update()));
    } else {
      throw new SpecException(
          action.label() + ": selects " + path + ", which is neither an object nor an array");
    }
  }

  /** Objects merge key by key, arrays are appended to, anything else is replaced. */
  private static void merge(Map<String, Object> target, Map<String, Object> update) {
    for (Map.Entry<String, Object> e : update.entrySet()) {
      Object current = target.get(e.getKey());
      Object value = e.getValue();
      if (current instanceof Map && value instanceof Map) {
        merge(Trees.asMap(current), Trees.asMap(value));
      } else if (current instanceof List && value instanceof List) {
        Trees.asList(value).forEach(v -> Trees.asList(current).add(Trees.copy(v)));
      } else {
        target.put(e.getKey(), Trees.copy(value));
      }
    }
  }
}
