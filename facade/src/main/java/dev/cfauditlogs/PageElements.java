package dev.cfauditlogs;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.cfauditlogs.generated.model.AaaAuditLogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * The elements of a page's {@code result} array, so that one element costs only itself: each
 * element that is a JSON object becomes an {@link AuditLog} (its exact bytes, and the {@code id}
 * and {@code when} the pager needs, read in the same pass); any other element is skipped and
 * described.
 *
 * <p>Two readers: {@link #reader} reads the array with the page's own JSON reader and cuts each
 * element's bytes from a second view of the body at the offsets the reader consumed (one parse, the
 * usual case); {@link #splitter} splits the array's text by its strings and brackets first and
 * parses each element on its own, so that an element whose brackets balance but whose content is
 * not JSON is skipped alone (for a body the first reader could not parse).
 */
final class PageElements {
  /** How many characters of a skipped element are shown. */
  static final int SHOWN_CHARS = 40;

  /** How much of a skipped element is decoded and masked before it is cut for showing. */
  private static final int SCRUBBED_BYTES = 4096;

  /** How many skipped elements a page describes (all are counted). */
  static final int MAX_DESCRIBED = 100;

  final List<AuditLog> records = new ArrayList<>();
  final List<SkippedElement> skipped = new ArrayList<>();
  int skippedCount;

  private final Redactor redactor;

  private PageElements(Redactor redactor) {
    this.redactor = redactor;
  }

  /** Reads a {@code result} array whose {@code [} the reader has just peeked. */
  interface Reader {
    PageElements read(JsonReader reader) throws IOException;
  }

  /** An empty or absent {@code result}. */
  static PageElements none() {
    return new PageElements(new Redactor(List.of()));
  }

  /**
   * Reads the array with the page's reader, which must read {@code body} itself (so that what it
   * has consumed is exactly what it has returned), cutting elements from a view of the same bytes.
   */
  static Reader reader(Buffer body, Redactor redactor) {
    return new Cutter(body, redactor);
  }

  /** Splits the array's text by its brackets, then parses each element on its own. */
  static Reader splitter(Redactor redactor) {
    return reader -> {
      byte[] array;
      try (BufferedSource source = reader.nextSource()) {
        array = source.readByteArray();
      }
      return split(array, redactor);
    };
  }

  /**
   * Splits {@code array}, the text of a JSON array from its {@code [} to its {@code ]} as a JSON
   * reader's {@code nextSource()} gives it (brackets and strings balanced).
   */
  private static PageElements split(byte[] array, Redactor redactor) {
    PageElements page = new PageElements(redactor);
    int n = array.length;
    int i = skipSpace(array, 1);
    if (i < n && array[i] == ']') {
      return page;
    }
    int index = 0;
    while (i < n) {
      int start = skipSpace(array, i);
      int end = elementEnd(array, start);
      int last = end;
      while (last > start && isSpace(array[last - 1])) {
        last--;
      }
      page.add(index++, array, start, last);
      if (end >= n || array[end] == ']') {
        break;
      }
      i = end + 1; // past the comma
    }
    return page;
  }

  private void add(int index, byte[] array, int start, int end) {
    if (end > start && array[start] == '{') {
      AuditLog log = record(Arrays.copyOfRange(array, start, end), redactor);
      if (log != null) {
        records.add(log);
        return;
      }
      skip(index, "not valid JSON", array, start, end);
      return;
    }
    skip(index, "not a JSON object", array, start, end);
  }

  private void skip(int index, String reason, byte[] array, int start, int end) {
    skippedCount++;
    if (skipped.size() < MAX_DESCRIBED) {
      // Masked before it is cut, so that no part of a credential can show.
      String text =
          new String(array, start, Math.min(end - start, SCRUBBED_BYTES), StandardCharsets.UTF_8);
      String shown = Texts.shorten(redactor.scrub(text), SHOWN_CHARS);
      skipped.add(new SkippedElement(index, reason, shown));
    }
  }

  /** The record whose exact text is {@code utf8}, or null when it is not one valid JSON object. */
  static @Nullable AuditLog record(byte[] utf8, Redactor redactor) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().write(utf8));
      IdAndWhen found = IdAndWhen.read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        return null;
      }
      return new AuditLog(utf8, found.id, found.when, redactor);
    } catch (IOException | JsonDataException e) {
      // Moshi's encoding and data exceptions, an EOF: the element is not one JSON object.
      return null;
    }
  }

  /**
   * A record's top-level {@code id} and {@code when}: the last of each, as the model reads them.
   */
  private static final class IdAndWhen {
    /**
     * {@code id}, {@code when}, then the record's other names as the document lists them: matched
     * against a name's bytes as sent, so that the names of a page's records (most of its tokens)
     * are passed over without being made into strings. A name the document does not list still is.
     */
    private static final JsonReader.Options NAMES = names();

    @Nullable String id;
    @Nullable Instant when;

    /** Reads the object at the reader's position. */
    static IdAndWhen read(JsonReader reader) throws IOException {
      IdAndWhen found = new IdAndWhen();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(NAMES)) {
          case 0 ->
              found.id =
                  reader.peek() == JsonReader.Token.STRING ? reader.nextString() : skip(reader);
          case 1 ->
              found.when =
                  reader.peek() == JsonReader.Token.STRING
                      ? instant(reader.nextString())
                      : skip(reader);
          case -1 -> {
            reader.skipName();
            reader.skipValue();
          }
          default -> reader.skipValue();
        }
      }
      reader.endObject();
      return found;
    }

    private static JsonReader.Options names() {
      Set<String> names = new LinkedHashSet<>(List.of("id", "when"));
      names.addAll(AaaAuditLogs.FIELD_NAMES);
      return JsonReader.Options.of(names.toArray(new String[0]));
    }
  }

  /** Reads the array with the page's reader and cuts each element from a view of the body. */
  private static final class Cutter implements Reader {
    private final Buffer unread;
    private final Buffer copy;
    private final long size;
    private final Redactor redactor;
    private long copyPosition;

    Cutter(Buffer body, Redactor redactor) {
      this.unread = body;
      this.copy = body.clone(); // shares the segments, copies no bytes
      this.size = body.size();
      this.redactor = redactor;
    }

    @Override
    public PageElements read(JsonReader reader) throws IOException {
      PageElements page = new PageElements(redactor);
      reader.beginArray();
      long start = consumed();
      for (int index = 0; reader.hasNext(); index++) {
        // hasNext() consumed the comma (and peeking an object its '{'): the element begins after
        // 'start', past white space and a comma; reading it ends exactly at its last byte.
        boolean object = reader.peek() == JsonReader.Token.BEGIN_OBJECT;
        IdAndWhen found = object ? IdAndWhen.read(reader) : null;
        if (!object) {
          reader.skipValue();
        }
        long end = consumed();
        byte[] bytes = cut(start, end);
        if (found != null) {
          if (bytes.length < 2 || bytes[0] != '{' || bytes[bytes.length - 1] != '}') {
            // Moshi's reader consumes exactly up to what it has returned; if a version ever did
            // not, this fails loudly (and the tests with it) instead of cutting records wrongly.
            throw new IllegalStateException(
                "internal error: the JSON reader's position does not match the record it read");
          }
          page.records.add(new AuditLog(bytes, found.id, found.when, redactor));
        } else {
          page.skip(index, "not a JSON object", bytes, 0, bytes.length);
        }
        start = end;
      }
      reader.endArray();
      return page;
    }

    private long consumed() {
      return size - unread.size();
    }

    /** The bytes {@code [start, end)} of the body without leading white space and comma. */
    private byte[] cut(long start, long end) throws IOException {
      copy.skip(start - copyPosition);
      long at = start;
      while (at < end && isSpaceOrComma(copy.getByte(0))) {
        copy.skip(1);
        at++;
      }
      copyPosition = end;
      return copy.readByteArray(end - at);
    }

    private static boolean isSpaceOrComma(byte b) {
      return b == ',' || isSpace(b);
    }
  }

  private static <T> @Nullable T skip(JsonReader reader) throws IOException {
    reader.skipValue();
    return null;
  }

  private static @Nullable Instant instant(String text) {
    try {
      return Rfc3339.parseDateTime(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The index of the comma or closing bracket that ends the element starting at {@code i}. */
  private static int elementEnd(byte[] a, int i) {
    int depth = 0;
    boolean inString = false;
    for (; i < a.length; i++) {
      byte b = a[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (b == ',' && depth == 0) {
        return i;
      }
    }
    return a.length;
  }

  private static int skipSpace(byte[] a, int i) {
    while (i < a.length && isSpace(a[i])) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
