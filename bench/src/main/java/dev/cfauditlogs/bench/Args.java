package dev.cfauditlogs.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The options of one harness command: {@code --name value}, {@code --name=value} or a flag. */
final class Args {
  private final Map<String, String> values = new HashMap<>();

  private Args() {}

  /**
   * Parses {@code args}, refusing any option not in {@code known} (flags are given as {@code
   * --name} alone, and read with {@link #flag(String)}).
   */
  static Args parse(List<String> args, Set<String> known, Set<String> flags) {
    Args parsed = new Args();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("expected an option such as --records but got " + arg);
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (flags.contains(name)) {
        value = "true";
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
      if (!known.contains(name) && !flags.contains(name)) {
        Set<String> all = new TreeSet<>(known);
        all.addAll(flags);
        throw new IllegalArgumentException("unknown option --" + name + "; known: " + all);
      }
      parsed.values.put(name, value);
    }
    return parsed;
  }

  int intValue(String name, int defaultValue, int min, int max) {
    String text = values.get(name);
    if (text == null) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number but was " + text);
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "--" + name + " must be " + min + " to " + max + " but was " + value);
    }
    return value;
  }

  int[] intList(String name, int[] defaultValue, int min, int max) {
    String text = values.get(name);
    if (text == null) {
      return defaultValue.clone();
    }
    String[] parts = text.split(",");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Args one = new Args();
      one.values.put(name, parts[i].trim());
      out[i] = one.intValue(name, 0, min, max);
    }
    return out;
  }

  String text(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }

  static Set<String> names(String... names) {
    return Set.copyOf(List.of(names));
  }
}
