package dev.cfauditlogs.spec;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Okio;

/** Reads a JSON document into a tree of maps, lists and {@link Scalars scalars}. */
final class JsonTreeReader {
  private final JsonReader reader;
  private final Interner interner = new Interner();

  private JsonTreeReader(JsonReader reader) {
    this.reader = reader;
  }

  static Object read(byte[] json, String name) {
    try (JsonReader reader =
        JsonReader.of(Okio.buffer(Okio.source(new ByteArrayInputStream(json))))) {
      Object root = new JsonTreeReader(reader).value();
      if (!atEnd(reader)) {
        throw new SpecException(
            "cannot parse JSON from " + name + ": more content after the document");
      }
      return root;
    } catch (JsonEncodingException | JsonDataException e) {
      throw new SpecException("cannot parse JSON from " + name + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SpecException("cannot read JSON from " + name + ": " + e.getMessage(), e);
    }
  }

  private static boolean atEnd(JsonReader reader) throws IOException {
    try {
      return reader.peek() == JsonReader.Token.END_DOCUMENT;
    } catch (JsonEncodingException e) {
      return false; // a strict reader refuses a second top-level value
    }
  }

  private Object value() throws IOException {
    return switch (reader.peek()) {
      case BEGIN_OBJECT -> object();
      case BEGIN_ARRAY -> array();
      case STRING -> interner.intern(reader.nextString());
      case NUMBER -> Scalars.number(reader.nextString());
      case BOOLEAN -> reader.nextBoolean();
      case NULL -> reader.<Object>nextNull();
      default -> throw new SpecException("unexpected " + reader.peek() + " at " + reader.getPath());
    };
  }

  private Map<String, Object> object() throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      String key = interner.intern(reader.nextName());
      if (map.containsKey(key)) {
        throw new SpecException("duplicate key '" + key + "' at " + reader.getPath());
      }
      map.put(key, value());
    }
    reader.endObject();
    return map;
  }

  private List<Object> array() throws IOException {
    List<Object> list = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      list.add(value());
    }
    reader.endArray();
    return list;
  }
}
