package dev.cfauditlogs.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.cfauditlogs.generated.model.AaaAuditLogsResponseCollection;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What a user of the generated models would write without the facade: a {@link Moshi} with the two
 * adapters the models need ({@link OffsetDateTime}, {@link BigDecimal}) and an adapter for the
 * whole response.
 */
final class BaselineJson {
  private BaselineJson() {}

  static JsonAdapter<AaaAuditLogsResponseCollection> responseAdapter() {
    Moshi moshi =
        new Moshi.Builder()
            .add(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
            .add(BigDecimal.class, new BigDecimalAdapter().nullSafe())
            .build();
    return moshi.adapter(AaaAuditLogsResponseCollection.class);
  }

  /**
   * A control, not a baseline: the same response adapter built from the facade's own (internal)
   * {@code ModelJson} Moshi, whose date-time adapter and lenient enums differ from the plain ones
   * above. Comparing the facade with it isolates the facade's own overhead from adapter speed.
   */
  static JsonAdapter<AaaAuditLogsResponseCollection> facadeAdaptersResponseAdapter() {
    try {
      Method moshi = Class.forName("dev.cfauditlogs.ModelJson").getDeclaredMethod("moshi");
      moshi.setAccessible(true);
      return ((Moshi) moshi.invoke(null)).adapter(AaaAuditLogsResponseCollection.class);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot reach the facade's ModelJson", e);
    }
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

  private static final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      return new BigDecimal(reader.nextString());
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable BigDecimal value) throws IOException {
      writer.value(value);
    }
  }
}
