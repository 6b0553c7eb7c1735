package dev.cfauditlogs.spec;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a tree as JSON, either compact (one line, as Cloudflare publishes {@code openapi.json}) or
 * indented by two spaces. Used for synthetic upstream documents and test fixtures; slices are
 * written by {@link YamlWriter}.
 */
final class JsonWriter {
  private final Writer out;
  private final boolean pretty;

  private JsonWriter(Writer out, boolean pretty) {
    this.out = out;
    this.pretty = pretty;
  }

  static void write(Object tree, Writer out, boolean pretty) {
    try {
      new JsonWriter(out, pretty).value(tree, 0);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented JSON. */
  static String toJson(Object tree) {
    StringWriter out = new StringWriter();
    write(tree, out, true);
    return out.toString();
  }

  /** One-line JSON. */
  static String toCompactJson(Object tree) {
    StringWriter out = new StringWriter();
    write(tree, out, false);
    return out.toString();
  }

  private void value(Object value, int depth) throws IOException {
    if (value instanceof Map) {
      Map<String, Object> map = Trees.asMap(value);
      if (map.isEmpty()) {
        out.write("{}");
        return;
      }
      out.write('{');
      Iterator<Map.Entry<String, Object>> entries = map.entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<String, Object> e = entries.next();
        newline(depth + 1);
        string(e.getKey());
        out.write(pretty ? ": " : ":");
        value(e.getValue(), depth + 1);
        if (entries.hasNext()) {
          out.write(',');
        }
      }
      newline(depth);
      out.write('}');
    } else if (value instanceof List) {
      List<Object> list = Trees.asList(value);
      if (list.isEmpty()) {
        out.write("[]");
        return;
      }
      out.write('[');
      for (int i = 0; i < list.size(); i++) {
        newline(depth + 1);
        value(list.get(i), depth + 1);
        if (i + 1 < list.size()) {
          out.write(',');
        }
      }
      newline(depth);
      out.write(']');
    } else if (value instanceof String) {
      string((String) value);
    } else if (value instanceof Double) {
      double d = (Double) value;
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("JSON has no " + d);
      }
      out.write(Double.toString(d));
    } else {
      out.write(String.valueOf(value)); // integers, booleans, null
    }
  }

  private void newline(int depth) throws IOException {
    if (!pretty) {
      return;
    }
    out.write('\n');
    for (int i = 0; i < depth; i++) {
      out.write("  ");
    }
  }

  private void string(String s) throws IOException {
    out.write('"');
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String escape = null;
      if (c == '"') {
        escape = "\\\"";
      } else if (c == '\\') {
        escape = "\\\\";
      } else if (c == '\n') {
        escape = "\\n";
      } else if (c == '\r') {
        escape = "\\r";
      } else if (c == '\t') {
        escape = "\\t";
      } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
        escape = String.format(Locale.ROOT, "\\u%04x", (int) c);
      }
      if (escape != null) {
        out.write(s, start, i - start);
        out.write(escape);
        start = i + 1;
      }
    }
    out.write(s, start, s.length() - start);
    out.write('"');
  }
}
