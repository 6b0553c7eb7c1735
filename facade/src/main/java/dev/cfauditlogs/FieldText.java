package dev.cfauditlogs;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Finds the exact JSON text of one field of a record's kept text, by a dotted path. */
final class FieldText {
  private FieldText() {}

  /** The text at {@code path} (names joined by dots), or null when there is none. */
  static @Nullable String find(byte[] utf8, String path) {
    List<String> names = List.of(path.split("\\.", -1));
    try {
      return find(JsonReader.of(new Buffer().write(utf8)), names, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the page decoder only keeps valid JSON objects
    } catch (JsonDataException e) {
      throw new IllegalStateException("internal error: a record that is not valid JSON", e);
    }
  }

  /** Reads the value at the reader's position; the last of repeated names wins, as in the model. */
  private static @Nullable String find(JsonReader reader, List<String> names, int depth)
      throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return null;
    }
    String found = null;
    reader.beginObject();
    while (reader.hasNext()) {
      if (!reader.nextName().equals(names.get(depth))) {
        reader.skipValue();
      } else if (depth == names.size() - 1) {
        try (BufferedSource source = reader.nextSource()) {
          found = source.readUtf8();
        }
      } else {
        found = find(reader, names, depth + 1);
      }
    }
    reader.endObject();
    return found;
  }
}
