package dev.cfauditlogs;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import dev.cfauditlogs.generated.model.AaaAuditLogs;
import dev.cfauditlogs.generated.model.ObservedResultInfo;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads a 200 response body into an {@link AuditLogPage}: each record's exact JSON text is kept
 * next to its typed model. Anything that is not the JSON the spec describes becomes an {@link
 * UnexpectedResponseException}; an {@link IOException} from the source (a body cut off mid-stream)
 * is left to the caller, which retries it.
 *
 * <p>The body is parsed once, as a plain Moshi adapter would: each record's model is read straight
 * from the page's reader, and the record's bytes are cut from a second view of the same buffer
 * (shared segments, no copy) at the offsets the reader consumed. The text is decoded only when
 * {@link AuditLog#json()} asks for it. (Keeping the text by way of {@code JsonReader.nextSource()}
 * and then decoding the model from that text cost about half again the plain decode.)
 */
final class PageDecoder {
  private static final JsonAdapter<AaaAuditLogs> RECORD =
      ModelJson.moshi().adapter(AaaAuditLogs.class);
  private static final JsonAdapter<ObservedResultInfo> RESULT_INFO =
      ModelJson.moshi().adapter(ObservedResultInfo.class);

  private final Redactor redactor;

  PageDecoder(Redactor redactor) {
    this.redactor = redactor;
  }

  /** What the body said, before the facts of the request are added. */
  record Body(
      List<AuditLog> records,
      @Nullable ObservedResultInfo resultInfo,
      @Nullable Boolean success,
      List<ApiMessage> errors) {}

  Body decode(BufferedSource source, int status, @Nullable String cfRay) throws IOException {
    Buffer body = new Buffer();
    source.readAll(body); // the records are all kept anyway; the cap is the caller's
    try {
      return read(new PageText(body));
    } catch (JsonEncodingException | JsonDataException e) {
      // The parser's own exception is not kept as the cause: its message quotes the body, which a
      // server can make echo the credentials; the scrubbed message below carries what it said.
      throw unexpected(
          "the body is not the JSON the API describes: " + e.getMessage(), status, cfRay, null);
    } catch (NumberFormatException | ArithmeticException e) {
      throw unexpected("a number in the body is out of range", status, cfRay, null);
    } catch (BadShape e) {
      throw unexpected(e.getMessage(), status, cfRay, null);
    }
  }

  private Body read(PageText text) throws IOException {
    JsonReader reader = text.reader;
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new BadShape("the body is not a JSON object but starts with " + reader.peek());
    }
    List<AuditLog> records = List.of();
    ObservedResultInfo info = null;
    Boolean success = null;
    List<ApiMessage> errors = List.of();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case "success" -> success = readBoolean(reader);
        case "errors" -> errors = ApiMessages.read(reader, redactor);
        case "result" -> records = readRecords(text);
        case "result_info" -> info = readResultInfo(reader);
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new BadShape("the body has content after its JSON object");
    }
    return new Body(records, info, success, errors);
  }

  private static @Nullable Boolean readBoolean(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.BOOLEAN) {
      return reader.nextBoolean();
    }
    reader.skipValue();
    return null;
  }

  private static List<AuditLog> readRecords(PageText text) throws IOException {
    JsonReader reader = text.reader;
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      return List.of();
    }
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      throw new BadShape("'result' is not an array but " + reader.peek());
    }
    List<AuditLog> records = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new BadShape("result[" + records.size() + "] is not an object but " + reader.peek());
      }
      // Peeking an object consumes its '{' (and nothing after it): the record starts one byte back.
      long start = text.consumed() - 1;
      AaaAuditLogs model;
      try {
        model = RECORD.fromJson(reader);
      } catch (JsonDataException e) {
        throw new BadShape(
            "result[" + records.size() + "] does not match the spec: " + e.getMessage());
      }
      // Reading an object ends with its '}': nothing after it is consumed yet.
      byte[] json = text.cut(start, text.consumed());
      records.add(new AuditLog(Objects.requireNonNull(model), json));
    }
    reader.endArray();
    return records;
  }

  private static @Nullable ObservedResultInfo readResultInfo(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return null;
    }
    return RESULT_INFO.fromJson(reader);
  }

  /** An integer fact of {@code result_info}, or null when absent, fractional or out of range. */
  static @Nullable Long wholeNumber(@Nullable BigDecimal value) {
    if (value == null || value.signum() < 0) {
      return null;
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private UnexpectedResponseException unexpected(
      @Nullable String message, int status, @Nullable String cfRay, @Nullable Throwable cause) {
    String text = redactor.scrub(String.valueOf(message));
    return new UnexpectedResponseException(
        "Unexpected response (HTTP " + status + "): " + Texts.shorten(text, 300),
        status,
        List.of(),
        cfRay,
        cause);
  }

  /** A whole body, the reader that parses it, and a view of the same bytes to cut records from. */
  private static final class PageText {
    final JsonReader reader;
    private final Buffer unread;
    private final Buffer copy;
    private final long size;
    private long copyPosition;

    PageText(Buffer body) {
      this.size = body.size();
      this.copy = body.clone(); // shares the segments, copies no bytes
      this.unread = body;
      this.reader = JsonReader.of(body);
    }

    /** How many bytes of the body the reader has consumed. */
    long consumed() {
      return size - unread.size();
    }

    /** The bytes {@code [start, end)} of the body, which must lie after any cut before. */
    byte[] cut(long start, long end) throws IOException {
      copy.skip(start - copyPosition);
      byte[] bytes = copy.readByteArray(end - start);
      copyPosition = end;
      if (bytes.length < 2 || bytes[0] != '{' || bytes[bytes.length - 1] != '}') {
        // Moshi's reader consumes exactly up to what it has returned; if a version ever did not,
        // this fails loudly (and the facade's tests with it) instead of cutting records wrongly.
        throw new IllegalStateException(
            "internal error: the JSON reader's position does not match the record it read");
      }
      return bytes;
    }
  }

  /** The body is JSON but not of the expected shape. */
  private static final class BadShape extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadShape(String message) {
      super(message, null, false, false);
    }
  }
}
