package dev.cfauditlogs.bench;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * What a Moshi user would write without the facade: the response's fields as plain records with the
 * types the OpenAPI document gives them (strict: a record of another shape fails the page), read by
 * Moshi's own reflective adapters plus a date-time adapter.
 */
final class BaselineJson {
  private BaselineJson() {}

  // Plain classes with fields, as Moshi's reflective adapter reads them (it fills the fields).

  /** The response envelope. */
  static final class Page {
    @Nullable List<Log> result;

    @Json(name = "result_info")
    @Nullable Map<String, Object> resultInfo;

    @Nullable Boolean success;
  }

  /** One record. */
  static final class Log {
    @Nullable String id;
    @Nullable Action action;
    @Nullable Actor actor;

    @Json(name = "interface")
    @Nullable String iface;

    @Nullable Map<String, Object> metadata;
    @Nullable String newValue;
    @Nullable String oldValue;
    @Nullable Owner owner;
    @Nullable Resource resource;
    @Nullable OffsetDateTime when;
  }

  static final class Action {
    @Nullable Boolean result;
    @Nullable String type;
  }

  static final class Actor {
    @Nullable String email;
    @Nullable String id;
    @Nullable String ip;
    @Nullable String type;
  }

  static final class Owner {
    @Nullable String id;
  }

  static final class Resource {
    @Nullable String id;
    @Nullable String type;
  }

  /**
   * The envelope as the baseline for the facade's own records: only what an {@code AuditLog} reads
   * while a page is split ({@code id} and {@code when}); Moshi skips every other field.
   */
  static final class KeyedPage {
    @Nullable List<KeyedLog> result;

    @Json(name = "result_info")
    @Nullable Map<String, Object> resultInfo;

    @Nullable Boolean success;
  }

  /** A record with the fields the facade reads per record. */
  static final class KeyedLog {
    @Nullable String id;
    @Nullable OffsetDateTime when;
  }

  /**
   * The envelope as the baseline for the facade's records (issue 13): each record as the facade
   * holds it, its {@code id}, its {@code when} and its JSON text as sent ({@link RecordLog}).
   */
  static final class RecordPage {
    @Nullable List<RecordLog> result;

    @Json(name = "result_info")
    @Nullable Map<String, Object> resultInfo;

    @Nullable Boolean success;
  }

  /** A record with the same fields as the facade's: {@code id}, {@code when}, its text as sent. */
  static final class RecordLog {
    @Nullable String id;
    @Nullable OffsetDateTime when;
    String json = "";
  }

  /**
   * What a Moshi user writes to keep each record's text as sent next to two of its fields: an
   * adapter that takes the record's bytes with {@link JsonReader#nextSource()}, makes them the
   * {@code String}, and reads {@code id} and {@code when} from the same bytes with the reflective
   * {@link KeyedLog} adapter. The other way round ({@code peekFirst}: the two fields from a {@link
   * JsonReader#peekJson()} of the record, then its bytes) is measured too; it is slower, so it is
   * not the baseline.
   */
  static final class RecordLogAdapter {
    private final JsonAdapter<KeyedLog> fields;
    private final boolean peekFirst;

    RecordLogAdapter(JsonAdapter<KeyedLog> fields, boolean peekFirst) {
      this.fields = fields;
      this.peekFirst = peekFirst;
    }

    @FromJson
    RecordLog fromJson(JsonReader reader) throws IOException {
      RecordLog log = new RecordLog();
      KeyedLog keyed;
      if (peekFirst) {
        try (JsonReader peek = reader.peekJson()) {
          keyed = Objects.requireNonNull(fields.fromJson(peek));
        }
        try (BufferedSource text = reader.nextSource()) {
          log.json = text.readUtf8();
        }
      } else {
        ByteString bytes;
        try (BufferedSource text = reader.nextSource()) {
          bytes = text.readByteString();
        }
        log.json = bytes.utf8();
        keyed = Objects.requireNonNull(fields.fromJson(new Buffer().write(bytes)));
      }
      log.id = keyed.id;
      log.when = keyed.when;
      return log;
    }

    @ToJson
    void toJson(JsonWriter writer, RecordLog log) throws IOException {
      throw new UnsupportedOperationException("read only");
    }
  }

  /** The baseline's adapter ({@code peekFirst} false) or its slower variant. */
  static JsonAdapter<RecordPage> recordAdapter(boolean peekFirst) {
    Moshi dates =
        new Moshi.Builder()
            .add(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
            .build();
    return dates
        .newBuilder()
        .add(new RecordLogAdapter(dates.adapter(KeyedLog.class), peekFirst))
        .build()
        .adapter(RecordPage.class);
  }

  static JsonAdapter<KeyedPage> keyedAdapter() {
    return new Moshi.Builder()
        .add(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
        .build()
        .adapter(KeyedPage.class);
  }

  static JsonAdapter<Page> responseAdapter() {
    return new Moshi.Builder()
        .add(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
        .build()
        .adapter(Page.class);
  }

  private static final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
    @Override
    public OffsetDateTime fromJson(JsonReader reader) throws IOException {
      return OffsetDateTime.parse(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable OffsetDateTime value) throws IOException {
      writer.value(value == null ? null : value.toString());
    }
  }
}
