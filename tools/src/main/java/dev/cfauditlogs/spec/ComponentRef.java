package dev.cfauditlogs.spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A local reference to a component, {@code #/components/<kind>/<name>}, possibly pointing further
 * inside it ({@code #/components/schemas/a/properties/b}); in that case the whole component is what
 * a slice must keep.
 */
record ComponentRef(String kind, String name) {
  private static final String PREFIX = "#/components/";

  /** The component {@code ref} points into, or empty if it is not of that form. */
  static Optional<ComponentRef> parse(String ref) {
    if (!ref.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] tokens = ref.substring(PREFIX.length()).split("/", -1);
    if (tokens.length < 2 || tokens[0].isEmpty() || tokens[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ComponentRef(unescape(tokens[0]), unescape(tokens[1])));
  }

  /** The JSON pointer of the component, as a {@code $ref} would spell it. */
  String pointer() {
    return PREFIX + escape(kind) + "/" + escape(name);
  }

  @Override
  public String toString() {
    return pointer();
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A pointer token inside a URI fragment: percent-decoded, then {@code ~1} and {@code ~0}. */
  private static String unescape(String token) {
    String decoded = token.indexOf('%') >= 0 ? percentDecode(token) : token;
    return decoded.replace("~1", "/").replace("~0", "~");
  }

  private static String percentDecode(String token) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] raw = token.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
        bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
        i += 2;
      } else {
        bytes.write(raw[i]);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit(b, 16);
  }
}
