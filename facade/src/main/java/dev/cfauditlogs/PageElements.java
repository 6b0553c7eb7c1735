package dev.cfauditlogs;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.cfauditlogs.generated.invoker.SpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Splits the exact text of a {@code result} array into its elements, so that one element can cost
 * only itself: each element that is a valid JSON object becomes an {@link AuditLog} (its exact
 * bytes, and the {@code id} and {@code when} the pager needs, read in one cheap pass); any other
 * element is skipped and reported. The split follows strings and nesting only, so an element whose
 * brackets balance but whose content is not JSON is skipped alone.
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

  /**
   * Splits {@code array}, the text of a JSON array from its {@code [} to its {@code ]} as a JSON
   * reader's {@code nextSource()} gives it (brackets and strings balanced).
   */
  static PageElements split(byte[] array, Redactor redactor) {
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

  /**
   * The record whose exact text is {@code utf8} with its top-level {@code id} and {@code when} (the
   * last of each, as the typed model reads them), or null when it is not one valid JSON object.
   */
  static @Nullable AuditLog record(byte[] utf8, Redactor redactor) {
    String id = null;
    Instant when = null;
    try {
      JsonReader reader = JsonReader.of(new Buffer().write(utf8));
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.nextName()) {
          case "id" ->
              id = reader.peek() == JsonReader.Token.STRING ? reader.nextString() : skip(reader);
          case "when" ->
              when =
                  reader.peek() == JsonReader.Token.STRING
                      ? instant(reader.nextString())
                      : skip(reader);
          default -> reader.skipValue();
        }
      }
      reader.endObject();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        return null;
      }
    } catch (IOException | JsonDataException e) {
      // Moshi's encoding and data exceptions, an EOF: the element is not one JSON object.
      return null;
    }
    return new AuditLog(utf8, id, when, redactor);
  }

  private static <T> @Nullable T skip(JsonReader reader) throws IOException {
    reader.skipValue();
    return null;
  }

  private static @Nullable Instant instant(String text) {
    try {
      return SpecReader.parseDateTime(text).toInstant();
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
