package dev.cfauditlogs.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates response bodies from a {@link Random}: Cloudflare-shaped pages with hostile values,
 * mutations of them (cut, deleted, inserted, swapped bytes), wrong-typed members and deep nesting.
 * {@link Cases} supplies the seeded {@code Random}, so a failing body is reproducible from its seed
 * and case index.
 */
final class HostileJson {
  private static final String[] NUMBERS = {
    "0",
    "-0",
    "1",
    "-1",
    "2",
    "1000",
    "1.5",
    "-0.0",
    "1e3",
    "1E-3",
    "1e400",
    "-1e400",
    "1e-400",
    "123456789012345678901234567890",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "0.1e1"
  };
  private static final String[] PIECES = {
    "a",
    "Z",
    "é",
    "ß",
    "中",
    "😀",
    "\ud83d",
    "\udc00",
    "\u0000",
    "\u001f",
    "\u2028",
    "\u202e",
    "\\",
    "\"",
    "'",
    "<script>",
    "=1+1",
    "@SUM(A1)",
    "-2",
    "+3",
    "\t",
    "\r\n",
    "\n",
    " ",
    ",",
    "{",
    "}",
    "[",
    "]",
    ":",
    "null",
    "true",
    Secrets.TOKEN.substring(0, 5)
  };
  private static final String[] TIMES = {
    "2025-12-01T10:00:00Z",
    "2025-12-01T10:00:00.123456789Z",
    "2025-12-01t10:00:00z",
    "2025-12-01T10:00:00+01:00",
    "2025-12-01",
    "2025-13-01T10:00:00Z",
    "2025-12-01T24:00:00Z",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999Z",
    "yesterday",
    "",
    "2025-12-01T10:00Z",
    "2025-02-29T00:00:00Z",
    "2025-12-01T10:00:00.1234567891Z",
    "2025-12-01T10:00:00+25:00"
  };
  private static final String[] ACTOR_TYPES = {"user", "admin", "Cloudflare", "robot", "", "USER"};
  private static final char[] MUTATION_CHARS =
      "{}[],:\"\\0123456789-+.eEnultrfasé \u0000\n".toCharArray();

  private HostileJson() {}

  /** A page as Cloudflare shapes it, with random records and hostile values. */
  static String page(Random r) {
    List<String> members = new ArrayList<>();
    members.add("\"success\":" + (r.nextInt(10) == 0 ? value(r, 2) : "true"));
    members.add("\"errors\":" + (r.nextInt(10) == 0 ? value(r, 2) : "[]"));
    members.add("\"messages\":[]");
    StringBuilder result = new StringBuilder("[");
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      result.append(i == 0 ? "" : ",").append(record(r));
    }
    members.add("\"result\":" + result.append(']'));
    if (r.nextBoolean()) {
      members.add("\"result_info\":" + resultInfo(r));
    }
    if (r.nextInt(4) == 0) {
      members.add(quote(string(r)) + ":" + value(r, 3));
    }
    if (r.nextInt(4) == 0) {
      Collections.shuffle(members, r);
    }
    return "{" + String.join(",", members) + "}";
  }

  static String record(Random r) {
    List<String> members = new ArrayList<>();
    if (r.nextInt(8) != 0) {
      members.add("\"id\":" + (r.nextInt(10) == 0 ? value(r, 1) : quote(string(r) + r.nextInt())));
    }
    if (r.nextInt(8) != 0) {
      members.add(
          "\"when\":" + (r.nextInt(8) == 0 ? value(r, 1) : quote(TIMES[r.nextInt(TIMES.length)])));
    }
    members.add(
        "\"action\":{\"type\":"
            + quote(string(r))
            + ",\"result\":"
            + (r.nextInt(8) == 0 ? value(r, 1) : "true")
            + "}");
    members.add(
        "\"actor\":{\"id\":"
            + quote(string(r))
            + ",\"email\":"
            + quote(string(r))
            + ",\"ip\":"
            + quote(string(r))
            + ",\"type\":"
            + (r.nextInt(8) == 0 ? value(r, 1) : quote(ACTOR_TYPES[r.nextInt(ACTOR_TYPES.length)]))
            + "}");
    members.add("\"metadata\":" + value(r, 4));
    members.add("\"newValue\":" + quote(string(r)));
    if (r.nextInt(3) == 0) {
      members.add("\"interface\":" + (r.nextBoolean() ? value(r, 1) : quote(string(r))));
    }
    if (r.nextInt(3) == 0) {
      members.add(quote(string(r)) + ":" + value(r, 3));
    }
    Collections.shuffle(members, r);
    return "{" + String.join(",", members) + "}";
  }

  static String resultInfo(Random r) {
    StringBuilder s = new StringBuilder("{");
    String[] names = {"page", "per_page", "count", "total_count", "total_pages"};
    for (int i = 0; i < names.length; i++) {
      s.append(i == 0 ? "" : ",")
          .append('"')
          .append(names[i])
          .append("\":")
          .append(r.nextInt(6) == 0 ? value(r, 1) : NUMBERS[r.nextInt(NUMBERS.length)]);
    }
    return s.append('}').toString();
  }

  /** Any JSON value, nested at most {@code depth} deep. */
  static String value(Random r, int depth) {
    int kind = r.nextInt(depth > 0 ? 8 : 6);
    switch (kind) {
      case 0:
        return "null";
      case 1:
        return r.nextBoolean() ? "true" : "false";
      case 2:
        return NUMBERS[r.nextInt(NUMBERS.length)];
      case 3:
        return Long.toString(r.nextLong());
      case 4:
      case 5:
        return quote(string(r));
      case 6:
        {
          StringBuilder s = new StringBuilder("[");
          int n = r.nextInt(4);
          for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ",").append(value(r, depth - 1));
          }
          return s.append(']').toString();
        }
      default:
        {
          StringBuilder s = new StringBuilder("{");
          int n = r.nextInt(4);
          for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ",")
                .append(quote(string(r)))
                .append(':')
                .append(value(r, depth - 1));
          }
          return s.append('}').toString();
        }
    }
  }

  static String string(Random r) {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      s.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  /** A JSON string literal for {@code s}; control characters escaped, lone surrogates kept. */
  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        q.append('\\').append(c);
      } else if (c < 0x20) {
        q.append(String.format("\\u%04x", (int) c));
      } else {
        q.append(c);
      }
    }
    return q.append('"').toString();
  }

  /** One to four random edits: cut, delete, insert, replace, duplicate. */
  static String mutate(String text, Random r) {
    StringBuilder s = new StringBuilder(text);
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits && s.length() > 0; e++) {
      int at = r.nextInt(s.length());
      switch (r.nextInt(5)) {
        case 0:
          s.setLength(at);
          break;
        case 1:
          s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(8)));
          break;
        case 2:
          s.insert(at, MUTATION_CHARS[r.nextInt(MUTATION_CHARS.length)]);
          break;
        case 3:
          s.setCharAt(at, MUTATION_CHARS[r.nextInt(MUTATION_CHARS.length)]);
          break;
        default:
          int end = Math.min(s.length(), at + 1 + r.nextInt(40));
          s.insert(end, s.substring(at, end));
          break;
      }
    }
    return s.toString();
  }

  /** {@code depth} nested arrays or objects, placed where the client reads. */
  static String nested(int depth, int place) {
    String open = place % 2 == 0 ? "[" : "{\"a\":";
    String close = place % 2 == 0 ? "]" : "}";
    String deep = open.repeat(depth) + "1" + close.repeat(depth);
    switch (place % 4) {
      case 0:
        return deep;
      case 1:
        return "{\"success\":true,\"result\":[{\"id\":\"x\",\"metadata\":" + deep + "}]}";
      case 2:
        return "{\"success\":false,\"errors\":" + deep + ",\"result\":null}";
      default:
        return "{\"success\":true,\"result\":[],\"result_info\":" + deep + "}";
    }
  }
}
