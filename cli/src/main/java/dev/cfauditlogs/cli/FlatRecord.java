package dev.cfauditlogs.cli;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;

/**
 * One record flattened to the fixed CSV/table columns, read from the record's exact JSON: strings
 * as they are, numbers and booleans as written, {@code null} or absent as empty, {@code metadata}
 * as its JSON text.
 */
final class FlatRecord {
  /** The CSV columns, in their documented order. */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "when",
          "action.type",
          "action.result",
          "actor.id",
          "actor.email",
          "actor.ip",
          "actor.type",
          "interface",
          "resource.id",
          "resource.type",
          "owner.id",
          "oldValue",
          "newValue",
          "metadata");

  private final String[] values = new String[COLUMNS.size()];
  private String zoneName = "";

  private FlatRecord() {
    Arrays.fill(values, "");
  }

  static FlatRecord of(String json) {
    FlatRecord r = new FlatRecord();
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        switch (name) {
          case "action", "actor", "resource", "owner" -> r.readObject(reader, name);
          case "metadata" -> r.readMetadata(reader);
          default -> r.set(name, scalar(reader));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return r;
  }

  /** The values in {@link #COLUMNS} order. */
  List<String> values() {
    return List.of(values);
  }

  String get(String column) {
    int i = COLUMNS.indexOf(column);
    return i < 0 ? "" : values[i];
  }

  /** {@code metadata.zone_name}, for the table. */
  String zoneName() {
    return zoneName;
  }

  private void set(String column, String value) {
    int i = COLUMNS.indexOf(column);
    if (i >= 0) {
      values[i] = value;
    }
  }

  private void readObject(JsonReader reader, String prefix) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      set(prefix, scalar(reader));
      return;
    }
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      set(prefix + "." + name, scalar(reader));
    }
    reader.endObject();
  }

  private void readMetadata(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      return;
    }
    if (reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
      String raw;
      try (BufferedSource source = reader.nextSource()) {
        raw = JsonText.compact(source.readUtf8());
      }
      set("metadata", raw);
      JsonReader inner = JsonReader.of(new Buffer().writeUtf8(raw));
      inner.beginObject();
      while (inner.hasNext()) {
        if (inner.nextName().equals("zone_name")) {
          zoneName = scalar(inner);
        } else {
          inner.skipValue();
        }
      }
      return;
    }
    try (BufferedSource source = reader.nextSource()) {
      set("metadata", JsonText.compact(source.readUtf8()));
    }
  }

  /** A scalar as text; a nested object or array as its compact JSON. */
  private static String scalar(JsonReader reader) throws IOException {
    return switch (reader.peek()) {
      case NULL -> {
        reader.nextNull();
        yield "";
      }
      case STRING, NUMBER -> reader.nextString();
      case BOOLEAN -> String.valueOf(reader.nextBoolean());
      default -> {
        try (BufferedSource source = reader.nextSource()) {
          yield JsonText.compact(source.readUtf8());
        }
      }
    };
  }
}
