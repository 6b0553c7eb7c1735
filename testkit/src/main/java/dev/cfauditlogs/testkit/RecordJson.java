package dev.cfauditlogs.testkit;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads one audit-log record without changing it: the raw JSON text of every top-level member and
 * of every member of a top-level object ({@code actor.ip}, {@code metadata.zone_name}), keyed by
 * dotted path. Numbers, nesting and unknown members stay exactly as written.
 */
final class RecordJson {
  private RecordJson() {}

  /**
   * The raw values of a JSON object text by path.
   *
   * @throws IllegalArgumentException when the text is not exactly one JSON object
   */
  static Map<String, String> flatten(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        String raw = nextRaw(reader);
        if (out.putIfAbsent(name, raw) == null && raw.startsWith("{")) {
          JsonReader nested = JsonReader.of(new Buffer().writeUtf8(raw));
          nested.beginObject();
          while (nested.hasNext()) {
            out.putIfAbsent(name + "." + nested.nextName(), nextRaw(nested));
          }
          nested.endObject();
        }
      }
      reader.endObject();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("more than one JSON value");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * The decoded text of a raw JSON string value, or {@code null} when the raw value is absent or
   * not a string.
   */
  static @Nullable String text(@Nullable String raw) {
    if (raw == null || !raw.startsWith("\"")) {
      return null;
    }
    try {
      return JsonReader.of(new Buffer().writeUtf8(raw)).nextString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nextRaw(JsonReader reader) throws IOException {
    try (BufferedSource source = reader.nextSource()) {
      return source.readUtf8();
    }
  }
}
