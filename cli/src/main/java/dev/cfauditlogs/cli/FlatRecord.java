package dev.cfauditlogs.cli;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * One record flattened to the CSV/table columns, read from the record's exact JSON: strings as they
 * are, numbers and booleans as written, {@code null} or absent as empty, {@code metadata} and any
 * object or array as its compact JSON text. Every field outside the fixed columns goes, nested as
 * in the record, into the last column {@code extra} as compact JSON (such as {@code
 * {"action":{"info":"…"},"oldValueJson":{…}}}), so no field is dropped.
 */
final class FlatRecord {
  /**
   * The CSV columns, in their documented order (README, "csv"): the fixed columns, each the record
   * field at its dotted path, then {@code extra}. The one definition of the CLI's columns: the CSV
   * header, the flattening below and the table's cells all read it.
   */
  enum Column {
    ID("id"),
    WHEN("when"),
    ACTION_TYPE("action.type"),
    ACTION_RESULT("action.result"),
    ACTOR_ID("actor.id"),
    ACTOR_EMAIL("actor.email"),
    ACTOR_IP("actor.ip"),
    ACTOR_TYPE("actor.type"),
    INTERFACE("interface"),
    RESOURCE_ID("resource.id"),
    RESOURCE_TYPE("resource.type"),
    OWNER_ID("owner.id"),
    OLD_VALUE("oldValue"),
    NEW_VALUE("newValue"),
    METADATA("metadata"),
    /** The compact JSON of every field outside the fixed columns; always last. */
    EXTRA("extra");

    private static final Map<String, Column> FIXED_BY_PATH =
        Stream.of(values())
            .filter(c -> c != EXTRA)
            .collect(Collectors.toUnmodifiableMap(c -> c.header, c -> c));

    /** The header: the field's dotted path in the record (or {@code extra}). */
    final String header;

    Column(String header) {
      this.header = header;
    }

    /** The fixed column for a dotted field path, or null when the path has none. */
    static @Nullable Column fixed(String path) {
      return FIXED_BY_PATH.get(path);
    }
  }

  /** The CSV header, in {@link Column} order. */
  static final List<String> COLUMNS = Stream.of(Column.values()).map(c -> c.header).toList();

  /** The record's fields whose members have fixed columns: action, actor, resource, owner. */
  private static final Set<String> PARENTS =
      COLUMNS.stream()
          .filter(h -> h.indexOf('.') > 0)
          .map(h -> h.substring(0, h.indexOf('.')))
          .collect(Collectors.toUnmodifiableSet());

  private static final int FIXED = Column.EXTRA.ordinal();

  private final String[] values = new String[FIXED];
  private final boolean[] seen = new boolean[FIXED];
  private final Extra extra = new Extra();
  private String zoneName = "";

  private FlatRecord() {
    Arrays.fill(values, "");
  }

  /** Flattens a record given in its compact form ({@code AuditLog.compactJson()}). */
  static FlatRecord of(String json) {
    FlatRecord r = new FlatRecord();
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (PARENTS.contains(name) && reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
          r.readObject(reader, name);
        } else if (name.equals("metadata") && r.free("metadata")) {
          r.readMetadata(reader);
        } else if (r.free(name)) {
          r.set(name, scalar(reader));
        } else {
          r.extra.add(name, raw(reader));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return r;
  }

  /** The values in {@link #COLUMNS} order, {@code extra} last (empty when there is nothing). */
  List<String> values() {
    List<String> all = new ArrayList<>(List.of(values));
    all.add(extra.json());
    return all;
  }

  /** The value of one column, as in the CSV. */
  String get(Column column) {
    return column == Column.EXTRA ? extra.json() : values[column.ordinal()];
  }

  /** {@code metadata.zone_name}, for the table. */
  String zoneName() {
    return zoneName;
  }

  /** Whether {@code path} has a fixed column not yet filled (a repeated name goes to extra). */
  private boolean free(String path) {
    Column c = Column.fixed(path);
    return c != null && !seen[c.ordinal()];
  }

  private void set(String path, String value) {
    int i = Objects.requireNonNull(Column.fixed(path), path).ordinal();
    values[i] = value;
    seen[i] = true;
  }

  private void readObject(JsonReader reader, String prefix) throws IOException {
    reader.beginObject();
    if (!reader.hasNext()) {
      extra.group(prefix); // an empty object is kept as {}, not confused with an absent one
    }
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (free(prefix + "." + name)) {
        set(prefix + "." + name, scalar(reader));
      } else {
        extra.addNested(prefix, name, raw(reader));
      }
    }
    reader.endObject();
  }

  private void readMetadata(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      set("metadata", "");
      return;
    }
    String raw = raw(reader);
    set("metadata", raw);
    if (raw.startsWith("{")) {
      JsonReader inner = JsonReader.of(new Buffer().writeUtf8(raw));
      inner.beginObject();
      while (inner.hasNext()) {
        if (inner.nextName().equals("zone_name")) {
          zoneName = scalar(inner);
        } else {
          inner.skipValue();
        }
      }
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
      default -> raw(reader);
    };
  }

  /**
   * The next value's JSON text exactly as it is in the record's compact form ({@link
   * dev.cfauditlogs.AuditLog#compactJson()}: whitespace between tokens already removed).
   */
  private static String raw(JsonReader reader) throws IOException {
    try (BufferedSource source = reader.nextSource()) {
      return source.readUtf8();
    }
  }

  /** The fields outside the fixed columns, in the order met, grouped under their parent object. */
  private static final class Extra {
    private record Field(String name, String raw, List<Field> children) {}

    private final List<Field> fields = new ArrayList<>();

    void add(String name, String raw) {
      fields.add(new Field(name, raw, List.of()));
    }

    void addNested(String parent, String name, String raw) {
      group(parent).children().add(new Field(name, raw, List.of()));
    }

    /** The object for {@code parent}'s fields, created where the parent first needs it. */
    Field group(String parent) {
      for (Field f : fields) {
        if (f.name().equals(parent) && f.raw().isEmpty()) {
          return f;
        }
      }
      Field group = new Field(parent, "", new ArrayList<>());
      fields.add(group);
      return group;
    }

    String json() {
      if (fields.isEmpty()) {
        return "";
      }
      Buffer buffer = new Buffer();
      try (JsonWriter writer = JsonWriter.of(buffer)) {
        write(writer, fields);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return buffer.readUtf8();
    }

    private static void write(JsonWriter writer, List<Field> fields) throws IOException {
      writer.beginObject();
      for (Field f : fields) {
        writer.name(f.name());
        if (f.raw().isEmpty()) {
          write(writer, f.children());
        } else {
          try (BufferedSink sink = writer.valueSink()) {
            sink.writeUtf8(f.raw());
          }
        }
      }
      writer.endObject();
    }
  }
}
