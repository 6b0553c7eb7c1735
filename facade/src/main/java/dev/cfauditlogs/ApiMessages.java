package dev.cfauditlogs;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads Cloudflare's {@code errors}/{@code messages} arrays tolerantly: malformed entries are
 * skipped.
 */
final class ApiMessages {
  private static final int MAX_MESSAGES = 100;
  private static final int MAX_TEXT = 2000;

  private ApiMessages() {}

  static List<ApiMessage> read(JsonReader reader, Redactor redactor) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      reader.skipValue();
      return List.of();
    }
    List<ApiMessage> result = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      ApiMessage message = readOne(reader, redactor);
      if (message != null && result.size() < MAX_MESSAGES) {
        result.add(message);
      }
    }
    reader.endArray();
    return result;
  }

  private static @Nullable ApiMessage readOne(JsonReader reader, Redactor redactor)
      throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return null;
    }
    Integer code = null;
    String message = null;
    String documentationUrl = null;
    String pointer = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case "code" -> code = readInt(reader);
        case "message" -> message = readText(reader, redactor);
        case "documentation_url" -> documentationUrl = readText(reader, redactor);
        case "source" -> pointer = readPointer(reader, redactor);
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    if (code == null && message == null) {
      return null;
    }
    return new ApiMessage(
        code == null ? 0 : code, message == null ? "" : message, documentationUrl, pointer);
  }

  private static @Nullable String readPointer(JsonReader reader, Redactor redactor)
      throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return null;
    }
    String pointer = null;
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.nextName().equals("pointer")) {
        pointer = readText(reader, redactor);
      } else {
        reader.skipValue();
      }
    }
    reader.endObject();
    return pointer;
  }

  private static @Nullable Integer readInt(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.NUMBER) {
      reader.skipValue();
      return null;
    }
    String text = reader.nextString();
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable String readText(JsonReader reader, Redactor redactor)
      throws IOException {
    if (reader.peek() != JsonReader.Token.STRING) {
      reader.skipValue();
      return null;
    }
    return Texts.shorten(redactor.scrub(reader.nextString()), MAX_TEXT);
  }
}
