package dev.cfauditlogs;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import com.squareup.moshi.adapters.EnumJsonAdapter;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one {@link Moshi} that reads and writes the generated models: RFC 3339 date-times, JSON
 * numbers as {@link BigDecimal}, and enums that fall back to their {@code UNKNOWN_DEFAULT_OPEN_API}
 * constant on values the spec does not list.
 */
final class ModelJson {
  /** The constant the generator adds to every enum ({@code enumUnknownDefaultCase=true}). */
  static final String UNKNOWN_ENUM_CONSTANT = "UNKNOWN_DEFAULT_OPEN_API";

  private static final Moshi MOSHI =
      new Moshi.Builder()
          .add(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
          .add(BigDecimal.class, new BigDecimalAdapter().nullSafe())
          .add(ModelJson::lenientEnumAdapter)
          .build();

  private ModelJson() {}

  static Moshi moshi() {
    return MOSHI;
  }

  private static @Nullable JsonAdapter<?> lenientEnumAdapter(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    Class<?> raw = Types.getRawType(type);
    if (!raw.isEnum() || !annotations.isEmpty()) {
      return null;
    }
    for (Object constant : raw.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(UNKNOWN_ENUM_CONSTANT)) {
        return withFallback(raw, constant);
      }
    }
    return null;
  }

  // The generated enum types are only known at run time: EnumJsonAdapter needs its type argument
  // erased.
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static JsonAdapter<?> withFallback(Class<?> enumType, Object fallback) {
    return EnumJsonAdapter.create((Class) enumType).withUnknownFallback((Enum) fallback).nullSafe();
  }

  /**
   * Reads RFC 3339 date-times (either case of {@code T} and {@code Z}) and writes them in ISO form.
   */
  private static final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
    @Override
    public OffsetDateTime fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return Rfc3339.parseDateTime(text);
      } catch (DateTimeParseException e) {
        throw new JsonDataException("Expected an RFC 3339 date-time at " + reader.getPath(), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable OffsetDateTime value) throws IOException {
      writer.value(value == null ? null : value.toString());
    }
  }

  /** Keeps every digit of a JSON number of reasonable length. */
  private static final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
    private static final int MAX_NUMBER_LENGTH = 100;

    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      if (text.length() > MAX_NUMBER_LENGTH) {
        // Parsing a number of a million digits takes BigDecimal tens of seconds.
        throw new JsonDataException(
            "Expected a number of at most "
                + MAX_NUMBER_LENGTH
                + " characters at "
                + reader.getPath()
                + " but it has "
                + text.length());
      }
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new JsonDataException("Expected a number at " + reader.getPath(), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable BigDecimal value) throws IOException {
      writer.value(value);
    }
  }
}
