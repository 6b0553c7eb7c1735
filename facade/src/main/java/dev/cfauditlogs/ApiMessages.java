package dev.cfauditlogs;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads Cloudflare's {@code errors}/{@code messages} arrays tolerantly: entries that are not
 * objects, or have neither a usable code nor a message, are skipped, and so is any field of an
 * unexpected JSON type. Each entry's nested {@code error_chain} is read the same way, up to {@value
 * #MAX_DEPTH} levels deep; at most {@value #MAX_MESSAGES} entries are kept in all.
 */
final class ApiMessages {
  private static final int MAX_MESSAGES = 100;
  private static final int MAX_DEPTH = 8;
  private static final int MAX_TEXT = 2000;

  private ApiMessages() {}

  static List<ApiMessage> read(JsonReader reader, Redactor redactor) throws IOException {
    return readArray(reader, redactor, new int[] {MAX_MESSAGES}, 1);
  }

  /** Reads one array; {@code budget[0]} is how many more entries may be kept, shared by levels. */
  private static List<ApiMessage> readArray(
      JsonReader reader, Redactor redactor, int[] budget, int depth) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY || depth > MAX_DEPTH) {
      reader.skipValue();
      return List.of();
    }
    List<ApiMessage> result = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      ApiMessage message = readOne(reader, redactor, budget, depth);
      if (message != null && budget[0] > 0) {
        budget[0]--;
        result.add(message);
      }
    }
    reader.endArray();
    return result;
  }

  private static @Nullable ApiMessage readOne(
      JsonReader reader, Redactor redactor, int[] budget, int depth) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return null;
    }
    Integer code = null;
    String message = null;
    String documentationUrl = null;
    String pointer = null;
    List<ApiMessage> chain = List.of();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case "code" -> code = readInt(reader);
        case "message" -> message = readText(reader, redactor);
        case "documentation_url" -> documentationUrl = readText(reader, redactor);
        case "source" -> pointer = readPointer(reader, redactor);
        case "error_chain" -> chain = readArray(reader, redactor, budget, depth + 1);
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    if (code == null && message == null && chain.isEmpty()) {
      return null;
    }
    return new ApiMessage(
        code == null ? 0 : code, message == null ? "" : message, documentationUrl, pointer, chain);
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

  /** A whole number, sent as a JSON number or a string of digits; anything else is no code. */
  private static @Nullable Integer readInt(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
      reader.skipValue();
      return null;
    }
    String text = reader.nextString().trim();
    if (text.length() > 12) {
      return null;
    }
    try {
      return new BigDecimal(text).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
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
