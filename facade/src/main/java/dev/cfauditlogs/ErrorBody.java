package dev.cfauditlogs;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * What a non-2xx body said: Cloudflare's {@code errors}, a {@code retry_after} field, or, for a
 * body that is not JSON (an HTML page from a proxy), a short scrubbed excerpt for the exception
 * message.
 */
record ErrorBody(List<ApiMessage> errors, @Nullable BigDecimal retryAfterSeconds, String excerpt) {
  static final ErrorBody EMPTY = new ErrorBody(List.of(), null, "");
  private static final int SHOWN_ERRORS = 3;
  private static final int MAX_SUMMARY = 1000;

  static ErrorBody parse(String text, Redactor redactor) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
      if (reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
        return readEnvelope(reader, redactor);
      }
    } catch (IOException | RuntimeException e) {
      // not JSON, or broken JSON: fall through to the excerpt
    }
    String scrubbed = redactor.scrub(text.strip());
    return new ErrorBody(List.of(), null, Texts.shorten(scrubbed, 200));
  }

  private static ErrorBody readEnvelope(JsonReader reader, Redactor redactor) throws IOException {
    List<ApiMessage> errors = List.of();
    BigDecimal retryAfter = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case "errors" -> errors = ApiMessages.read(reader, redactor);
        case "retry_after" -> retryAfter = readNumber(reader);
        default -> reader.skipValue();
      }
    }
    return new ErrorBody(errors, retryAfter, "");
  }

  private static @Nullable BigDecimal readNumber(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
      reader.skipValue();
      return null;
    }
    String text = reader.nextString();
    if (text.length() > 32) {
      return null;
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * One line for an exception message: the first errors with their chained causes (at most {@value
   * #SHOWN_ERRORS}, and {@value #MAX_SUMMARY} characters), or the excerpt.
   */
  String summary() {
    if (!errors.isEmpty()) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < Math.min(errors.size(), SHOWN_ERRORS); i++) {
        s.append(i == 0 ? "" : "; ").append(errors.get(i));
      }
      return Texts.shorten(s.toString(), MAX_SUMMARY)
          + (errors.size() > SHOWN_ERRORS ? " (+" + (errors.size() - SHOWN_ERRORS) + " more)" : "");
    }
    return excerpt;
  }
}
