package dev.cfauditlogs.testkit;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One audit-log record held by the emulator: the exact JSON text it serves (members the spec does
 * not list included) and the two values it is ordered by, {@code when} and {@code id}.
 */
public final class EmulatedLog {
  /** Served order with {@code direction=asc}: by {@code when}, then by {@code id} as a string. */
  static final Comparator<EmulatedLog> ASCENDING =
      Comparator.comparing(EmulatedLog::when).thenComparing(log -> log.id == null ? "" : log.id);

  private final String json;
  private final Map<String, String> fields;
  private final @Nullable String id;
  private final Instant when;
  // Decoded once, for the filters.
  final @Nullable String actionType;
  final @Nullable String actorEmail;
  final @Nullable String actorType;
  final @Nullable String zoneName;
  final byte @Nullable [] actorIp;

  private EmulatedLog(String json, Map<String, String> fields, Instant when) {
    this.json = json;
    this.fields = fields;
    this.when = when;
    this.id = RecordJson.text(fields.get("id"));
    this.actionType = RecordJson.text(fields.get("action.type"));
    this.actorEmail = RecordJson.text(fields.get("actor.email"));
    this.actorType = RecordJson.text(fields.get("actor.type"));
    this.zoneName = RecordJson.text(fields.get("metadata.zone_name"));
    String ip = RecordJson.text(fields.get("actor.ip"));
    this.actorIp = ip == null ? null : IpRange.parseAddress(ip);
  }

  /**
   * Reads a record.
   *
   * @throws IllegalArgumentException unless the text is one JSON object with a {@code when}
   *     date-time
   */
  static EmulatedLog parse(String json) {
    Map<String, String> fields = RecordJson.flatten(json);
    String when = RecordJson.text(fields.get("when"));
    if (when == null) {
      throw new IllegalArgumentException("it has no \"when\" string");
    }
    Instant instant;
    try {
      instant = Times.parseDateTime(when);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("its \"when\" is not an RFC 3339 date-time: " + when, e);
    }
    return new EmulatedLog(json, Map.copyOf(fields), instant);
  }

  /** The record's {@code id}, when it has a string one. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** The record's {@code when}. */
  public Instant when() {
    return when;
  }

  /** The record exactly as the emulator serves it inside {@code result}. */
  public String json() {
    return json;
  }

  /**
   * The decoded string at a dotted path such as {@code actor.ip}; null when absent or not a string.
   */
  @Nullable String text(String path) {
    return RecordJson.text(fields.get(path));
  }

  /** The raw JSON at a dotted path, as written in the record; null when absent. */
  @Nullable String raw(String path) {
    return fields.get(path);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof EmulatedLog other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /** The record's JSON text. */
  @Override
  public String toString() {
    return json;
  }
}
