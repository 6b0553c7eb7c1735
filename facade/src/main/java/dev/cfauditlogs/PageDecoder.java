package dev.cfauditlogs;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import dev.cfauditlogs.generated.invoker.SpecReader;
import dev.cfauditlogs.generated.model.ObservedResultInfo;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Reads a 200 response body into an {@link AuditLogPage}, as a tolerant reader: only an envelope
 * that cannot be read (not JSON, not an object, {@code result} not an array, cut off) becomes an
 * {@link UnexpectedResponseException}. Each element of {@code result} costs only itself ({@link
 * PageElements}): a record is kept as its exact bytes whatever the types of its fields, anything
 * else is skipped and reported. A UTF-8 byte-order mark before the body is ignored. An {@link
 * IOException} from the source (a body cut off mid-stream) is left to the caller, which retries it.
 *
 * <p>Records are not decoded into their typed model here: {@link AuditLog} does that on first use,
 * from its bytes. The pager only needs each record's {@code id} and {@code when}, read while
 * splitting. The body is parsed once; only a body with text that is not JSON somewhere is read a
 * second time, splitting {@code result} by its brackets (see {@link PageElements}).
 */
final class PageDecoder {
  private static final ByteString BOM = ByteString.decodeHex("efbbbf");

  /** A longer {@code result_info} is ignored (Cloudflare's five numbers take about 100 bytes). */
  private static final int MAX_RESULT_INFO_BYTES = 4096;

  private final Redactor redactor;
  private final UnreadableBody unreadable;

  PageDecoder(Redactor redactor) {
    this.redactor = redactor;
    this.unreadable = new UnreadableBody(redactor);
  }

  /** What the body said, before the facts of the request are added. */
  record Body(
      PageElements result,
      @Nullable ResultInfo resultInfo,
      @Nullable Boolean success,
      List<ApiMessage> errors) {
    List<AuditLog> records() {
      return result.records;
    }
  }

  /**
   * The page facts of {@code result_info} (observed, not in the OpenAPI document), each null when
   * absent, fractional, negative or out of range.
   */
  record ResultInfo(
      @Nullable Long page,
      @Nullable Long perPage,
      @Nullable Long count,
      @Nullable Long totalCount,
      @Nullable Long totalPages) {}

  /**
   * Reads a whole 2xx body.
   *
   * @param contentType the response's {@code Content-Type}, for the message when the body cannot be
   *     read
   * @throws UnexpectedResponseException when the body is not a page, with a message of our own
   *     ({@link UnreadableBody})
   * @throws IOException when reading the source fails (the body was cut off on the way)
   */
  Body decode(
      BufferedSource source, int status, @Nullable String contentType, @Nullable String cfRay)
      throws IOException {
    Buffer body = new Buffer();
    source.readAll(body); // the records are all kept anyway; the cap is the caller's
    if (body.rangeEquals(0, BOM)) {
      body.skip(BOM.size());
    }
    ByteString head = body.snapshot((int) Math.min(body.size(), UnreadableBody.EXCERPT_BYTES));
    if (body.size() == 0) {
      throw unreadable.exception("is empty", status, contentType, cfRay, head);
    }
    Buffer again = body.clone(); // shares the segments, copies no bytes
    JsonReader first = JsonReader.of(body);
    try {
      return read(first, PageElements.reader(body, redactor));
    } catch (JsonEncodingException | JsonDataException e) {
      // Somewhere is text that is not JSON. Read again splitting 'result' by its brackets, so
      // that an element that is not JSON costs only itself; elsewhere it fails the page below.
    } catch (EOFException | BadShape e) {
      throw unreadable.exception(problem(e, first), status, contentType, cfRay, head);
    }
    JsonReader second = JsonReader.of(again);
    try {
      return read(second, PageElements.splitter(redactor));
    } catch (JsonEncodingException | JsonDataException | EOFException | BadShape e) {
      throw unreadable.exception(problem(e, second), status, contentType, cfRay, head);
    }
  }

  /**
   * What is wrong with the body, in our words. The parser's exception and its message are not
   * passed on: the message quotes the body (which a server can make echo the credentials) and gives
   * advice meant for the parser's programmers; only where it stopped ({@code $.result[2]}).
   */
  private static String problem(Exception e, JsonReader reader) {
    if (e instanceof BadShape) {
      return e.getMessage();
    }
    String at = " (at " + reader.getPath() + ")";
    return e instanceof EOFException
        ? "ends before its JSON is complete" + at
        : "is not valid JSON" + at;
  }

  private Body read(JsonReader reader, PageElements.Reader elements) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new BadShape("is " + describe(reader.peek()) + ", not a JSON object");
    }
    PageElements result = PageElements.none();
    ResultInfo info = null;
    Boolean success = null;
    List<ApiMessage> errors = List.of();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case "success" -> success = readBoolean(reader);
        case "errors" -> errors = ApiMessages.read(reader, redactor);
        case "result" -> result = readResult(reader, elements);
        case "result_info" -> info = readResultInfo(reader);
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new BadShape("has content after its JSON object");
    }
    return new Body(result, info, success, errors);
  }

  private static @Nullable Boolean readBoolean(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.BOOLEAN) {
      return reader.nextBoolean();
    }
    reader.skipValue();
    return null;
  }

  private static PageElements readResult(JsonReader reader, PageElements.Reader elements)
      throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      return PageElements.none();
    }
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      throw new BadShape("has a \"result\" that is " + describe(reader.peek()) + ", not an array");
    }
    return elements.read(reader);
  }

  /**
   * The one place that knows the generated class of {@code result_info}: anything but an object (or
   * an object over {@value #MAX_RESULT_INFO_BYTES} bytes) is ignored, and a field of the wrong type
   * is left out. An object that is not valid JSON makes the envelope unreadable.
   */
  private static @Nullable ResultInfo readResultInfo(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return null;
    }
    byte[] text;
    try (BufferedSource source = reader.nextSource()) {
      text = source.readByteArray();
    }
    if (text.length > MAX_RESULT_INFO_BYTES) {
      return null; // not Cloudflare's five numbers; reading huge numbers would only cost time
    }
    ObservedResultInfo info;
    try {
      info = Objects.requireNonNull(ObservedResultInfo.read(SpecReader.of(text)));
    } catch (UncheckedIOException e) {
      throw e.getCause(); // the object is not valid JSON: the envelope cannot be read
    }
    return new ResultInfo(
        wholeNumber(info.page().orElse(null)),
        wholeNumber(info.perPage().orElse(null)),
        wholeNumber(info.count().orElse(null)),
        wholeNumber(info.totalCount().orElse(null)),
        wholeNumber(info.totalPages().orElse(null)));
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

  /** A JSON token in words, for messages. */
  private static String describe(JsonReader.Token token) {
    return switch (token) {
      case BEGIN_ARRAY -> "a JSON array";
      case BEGIN_OBJECT -> "a JSON object";
      case STRING -> "a JSON string";
      case NUMBER -> "a JSON number";
      case BOOLEAN -> "a JSON boolean";
      case NULL -> "JSON null";
      default -> "not a JSON value";
    };
  }

  /** The body is JSON but not of the expected shape. */
  private static final class BadShape extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadShape(String message) {
      super(message, null, false, false);
    }
  }
}
