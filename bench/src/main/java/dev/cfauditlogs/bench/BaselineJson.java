package dev.cfauditlogs.bench;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
