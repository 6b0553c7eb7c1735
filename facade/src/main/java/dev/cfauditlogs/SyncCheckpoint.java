package dev.cfauditlogs;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * How far an {@link AuditLogFollower} got: the newest {@code when} delivered, and the records
 * delivered within the look-back before it (by {@code id}, with their {@code when}), so that a
 * record read again is recognised and not delivered twice. It also names the filters it was made
 * for, so it is not resumed with a query for other records by mistake. Immutable; save it anywhere
 * (a file with {@link #save(Path)}, a database row with {@link #render()}) once the records it
 * covers are stored.
 *
 * <h2>Text form</h2>
 *
 * {@link #render()} writes version {@value #VERSION}, a JSON object (a later version may add
 * fields; fields a reader does not know are skipped):
 *
 * <pre>{@code
 * {
 *   "version": 2,
 *   "checkpoints": [
 *     {
 *       "scope": "user",
 *       "filters": {"actor.email": "a@example.com", "actor.ip": "192.0.2.1"},
 *       "newest": "2026-01-01T00:10:00Z",
 *       "seen": {"9f6a1c2e": "2026-01-01T00:10:00Z", "json:{\"action\":{}}": "2026-01-01T00:10:00Z"}
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code checkpoints}: one checkpoint per scope. A {@code SyncCheckpoint} reads and writes a
 *       file of exactly one; {@link SyncCheckpoints} reads and writes a file of any number, one per
 *       scope.
 *   <li>{@code scope}: whose log ({@link AuditLogScope#key()}): {@code user} ({@code GET
 *       /user/audit_logs}) or {@code accounts/<account_id>} ({@code GET
 *       /accounts/{account_id}/audit_logs}, 32 lowercase hex characters).
 *   <li>{@code filters}: the query parameters that choose records, named and written as sent
 *       ({@link AuditLogQuery#parameters()} without {@code since}, {@code before}, {@code
 *       direction}, {@code per_page}, and {@code page}); compared without regard to order.
 *   <li>{@code newest}: the newest {@code when} delivered (RFC 3339, UTC), or {@code null} before
 *       the first record with a usable {@code when}.
 *   <li>{@code seen}: the records delivered within the look-back before {@code newest}, each by its
 *       {@code id} (or {@code json:} and its JSON without whitespace between tokens when it has
 *       none) with its {@code when}. A record without a usable {@code when} is stamped with {@code
 *       newest} (the epoch before there is one). A record stamped later than the {@code Date} of
 *       the response that carried it keeps its own {@code when}, later than {@code newest} (which
 *       moved only to that {@code Date}), until {@code newest} passes it.
 * </ul>
 *
 * <p>Version 1, written by the CLI's {@code follow} before the library owned checkpoints, is still
 * read: the same object without {@code checkpoints} and {@code scope}, its {@code filters} a string
 * ({@code name=value} joined by {@code &}, or {@code all}), e.g. {@code {"version": 1, "filters":
 * "actor.email=a@example.com", "newest": null, "seen": {}}}. It is always written back as version
 * {@value #VERSION}.
 */
public final class SyncCheckpoint {
  /** The version {@link #render()} writes. */
  public static final int VERSION = 2;

  /** How the refusal of a file of several checkpoints starts. */
  private static final String MANY = "a file of ";

  /** The largest checkpoint file {@link #load(Path)} reads: 64 MiB. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private final String scope;
  private final Map<String, String> filters;
  private final @Nullable Instant newest;
  private final Map<String, Instant> seen;

  SyncCheckpoint(
      String scope,
      Map<String, String> filters,
      @Nullable Instant newest,
      Map<String, Instant> seen) {
    this.scope = scope;
    this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    this.newest = newest;
    this.seen = Collections.unmodifiableMap(new LinkedHashMap<>(seen));
  }

  /**
   * A checkpoint before the first record: following from it delivers every record of {@code query}
   * (within its {@code since} and {@code before}).
   */
  public static SyncCheckpoint start(AuditLogQuery query) {
    Objects.requireNonNull(query, "query");
    return new SyncCheckpoint(query.scope().key(), SyncFilters.of(query), null, Map.of());
  }

  /**
   * Whose log is followed, as {@link AuditLogScope#key()} writes it: {@code user} for {@code GET
   * /user/audit_logs}, {@code accounts/<account_id>} for {@code GET
   * /accounts/{account_id}/audit_logs}.
   */
  public String scope() {
    return scope;
  }

  /** {@link #scope()} as a value. */
  public AuditLogScope auditLogScope() {
    return AuditLogScope.ofKey(scope);
  }

  /**
   * The filters this checkpoint was made for: parameter name to value as sent (see the class
   * description). Unmodifiable; empty for a query with no filter.
   */
  public Map<String, String> filters() {
    return filters;
  }

  /**
   * The filters as people read them: {@code name=value} joined by {@code &} (as version 1 wrote
   * them), or {@code all} when there are none.
   */
  public String describeFilters() {
    return SyncFilters.describe(filters);
  }

  /**
   * Whether {@code query} selects the same records: the same {@linkplain AuditLogQuery#scope()
   * scope} and the same filters, in any order.
   */
  public boolean matches(AuditLogQuery query) {
    return scope.equals(query.scope().key()) && filters.equals(SyncFilters.of(query));
  }

  /** The newest {@code when} delivered; empty before the first record with a usable one. */
  public Optional<Instant> newestWhen() {
    return Optional.ofNullable(newest);
  }

  /**
   * The records delivered within the look-back before {@link #newestWhen()}, and those stamped
   * after it (a record whose {@code when} was later than its response's {@code Date}: the
   * checkpoint moves only to that {@code Date}, and the record is remembered until the checkpoint
   * passes it): key ({@code id}, else {@code json:} and the compact JSON) to {@code when}, in the
   * order delivered. Unmodifiable.
   */
  public Map<String, Instant> recentIds() {
    return seen;
  }

  /** The key a record is remembered by: its {@code id}, else {@code json:} and its compact JSON. */
  static String keyOf(AuditLog log) {
    return log.id().orElseGet(() -> "json:" + log.compactJson());
  }

  /**
   * The checkpoint as text (version {@value #VERSION}, see the class description): indented JSON,
   * ending without a newline.
   */
  public String render() {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setIndent("  ");
      json.beginObject();
      json.name("version").value(VERSION);
      json.name("checkpoints").beginArray();
      writeEntry(json);
      json.endArray();
      json.endObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing to a buffer failed", e); // cannot happen
    }
    return buffer.readUtf8();
  }

  /** Writes this checkpoint as one entry of a file's {@code checkpoints}. */
  void writeEntry(JsonWriter json) throws IOException {
    json.beginObject();
    json.name("scope").value(scope);
    json.name("filters").beginObject();
    for (Map.Entry<String, String> e : filters.entrySet()) {
      json.name(e.getKey()).value(e.getValue());
    }
    json.endObject();
    json.name("newest").value(newest == null ? null : newest.toString());
    json.name("seen").beginObject();
    for (Map.Entry<String, Instant> e : seen.entrySet()) {
      json.name(e.getKey()).value(e.getValue().toString());
    }
    json.endObject();
    json.endObject();
  }

  /**
   * Reads a checkpoint's text, version 1 or {@value #VERSION}, holding one checkpoint.
   *
   * @throws InvalidCheckpointException when {@code text} is not a checkpoint this version reads,
   *     saying why (a file of several checkpoints is read with {@link SyncCheckpoints})
   */
  public static SyncCheckpoint parse(String text) {
    List<SyncCheckpoint> all = parseAll(text);
    if (all.size() > 1) {
      throw new InvalidCheckpointException(
          MANY
              + all.size()
              + " checkpoints, one per scope; read it with SyncCheckpoints (or the CLI's follow)");
    }
    return all.get(0);
  }

  /**
   * Every checkpoint of a checkpoint's text (version 1: one; version {@value #VERSION}: one or
   * more, each of its own scope), in the order written.
   *
   * @throws InvalidCheckpointException when {@code text} is not a checkpoint file this version
   *     reads, saying why
   */
  static List<SyncCheckpoint> parseAll(String text) {
    Objects.requireNonNull(text, "text");
    String json = text.startsWith("\uFEFF") ? text.substring(1) : text; // a UTF-8 byte order mark
    if (json.isBlank()) {
      throw new InvalidCheckpointException("empty, not a cf-audit-logs checkpoint");
    }
    Object root = readJson(json);
    try {
      return interpret(root);
    } catch (RuntimeException e) {
      throw new InvalidCheckpointException(
          "not a cf-audit-logs checkpoint (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The one JSON value {@code json} holds, as Moshi's {@link JsonReader#readJsonValue()} reads it;
   * what is wrong said in our words, never the parser's (whose advice, such as lenient parsing,
   * does not apply to a checkpoint).
   */
  private static @Nullable Object readJson(String json) {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    Object root;
    try {
      root = reader.readJsonValue();
    } catch (EOFException e) {
      throw cutOff(reader, e);
    } catch (JsonEncodingException e) {
      if (String.valueOf(e.getMessage()).startsWith("Unterminated")) {
        throw cutOff(reader, e); // a string, object or array the end of the text left open
      }
      throw new InvalidCheckpointException(
          "not a cf-audit-logs checkpoint (not valid JSON " + where(reader) + ")", e);
    } catch (JsonDataException e) {
      // Moshi's only data error while reading untyped values: a key given twice in one object
      throw new InvalidCheckpointException(
          "not a cf-audit-logs checkpoint (the key at "
              + reader.getPath()
              + " appears more than once in its object)",
          e);
    } catch (IOException e) {
      throw new InvalidCheckpointException(
          "not a cf-audit-logs checkpoint (not valid JSON " + where(reader) + ")", e);
    }
    try {
      if (reader.peek() == JsonReader.Token.END_DOCUMENT) {
        return root;
      }
    } catch (IOException e) {
      // not even a JSON value follows: the same refusal
    }
    throw new InvalidCheckpointException(
        "not a cf-audit-logs checkpoint (there is more text after its JSON value)");
  }

  /**
   * Reads the checkpoint saved in {@code file}; empty when there is no such file.
   *
   * @throws InvalidCheckpointException when the file is larger than {@link #MAX_BYTES} or does not
   *     hold a checkpoint (the message names the file)
   * @throws IOException when the file cannot be read
   */
  public static Optional<SyncCheckpoint> load(Path file) throws IOException {
    return load(file, SyncCheckpoint::parse);
  }

  /** The text of a checkpoint file, or empty when there is none. */
  static Optional<String> read(Path file) throws IOException {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidCheckpointException(
            "checkpoint "
                + file
                + " is larger than "
                + MAX_BYTES
                + " bytes; is it the right file?");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(new String(bytes, StandardCharsets.UTF_8));
  }

  /** Reads a checkpoint file's text with {@code parser}; a refusal names the file. */
  static <T> Optional<T> load(Path file, Function<String, T> parser) throws IOException {
    Optional<String> text = read(file);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(text.get()));
    } catch (InvalidCheckpointException e) {
      // A file of several scopes is sound, only not for one SyncCheckpoint: no advice to move it.
      String advice = e.getMessage().startsWith(MANY) ? "" : "; move it away to start over";
      throw new InvalidCheckpointException(
          "checkpoint " + file + " is " + e.getMessage() + advice,
          e.getCause() == null ? e : e.getCause());
    }
  }

  /**
   * Saves this checkpoint to {@code file} atomically: {@link #render()} is written to {@code
   * FILE.tmp} in the same directory, forced to the device, then moved over {@code file}, so that a
   * crash at any moment leaves the previous checkpoint or this one.
   */
  public void save(Path file) throws IOException {
    AtomicFile.write(file, render().getBytes(StandardCharsets.UTF_8));
  }

  private static InvalidCheckpointException cutOff(JsonReader reader, IOException e) {
    return new InvalidCheckpointException(
        "cut off (its JSON ends early, "
            + where(reader)
            + "; a file truncated by a crash or a full disk?)",
        e);
  }

  /** Where in the checkpoint {@code reader} stopped, such as {@code at $.checkpoints[0].seen}. */
  private static String where(JsonReader reader) {
    String path = reader.getPath();
    return path.equals("$") ? "at its start" : "at " + path;
  }

  private static String kind(Object value) {
    if (value instanceof String text) {
      return "the text \"" + text + "\"";
    }
    return value instanceof Map<?, ?>
        ? "an object"
        : value instanceof List<?> ? "a list" : value.toString();
  }

  private static List<SyncCheckpoint> interpret(@Nullable Object root) {
    Map<?, ?> object = object(root, "the checkpoint");
    Object version = object.get("version");
    if (version == null) {
      throw new IllegalArgumentException("it has no 'version'");
    }
    if (!(version instanceof Double v)) {
      throw new IllegalArgumentException("'version' must be a number, not " + kind(version));
    }
    if (v != 1 && v != VERSION) {
      throw new IllegalArgumentException(
          "version "
              + (v == Math.rint(v) && Math.abs(v) < 1e15
                  ? Long.toString((long) (double) v)
                  : v.toString())
              + " is not one this version reads (1 or "
              + VERSION
              + "); it was written by another version of cf-audit-logs");
    }
    if (v == 1) {
      if (!(object.get("filters") instanceof String filters)) {
        throw new IllegalArgumentException("a version 1 checkpoint needs 'filters' as text");
      }
      return List.of(entry(AuditLogScope.user().key(), SyncFilters.parseV1(filters), object));
    }
    if (!(object.get("checkpoints") instanceof List<?> list) || list.isEmpty()) {
      throw new IllegalArgumentException("'checkpoints' must be a list of checkpoints");
    }
    List<SyncCheckpoint> all = new ArrayList<>();
    Set<String> scopes = new HashSet<>();
    for (Object item : list) {
      SyncCheckpoint checkpoint = interpretEntry(object(item, "a checkpoint"));
      if (!scopes.add(checkpoint.scope)) {
        throw new IllegalArgumentException(
            "it holds two checkpoints of scope '" + checkpoint.scope + "'");
      }
      all.add(checkpoint);
    }
    return List.copyOf(all);
  }

  private static SyncCheckpoint interpretEntry(Map<?, ?> entry) {
    if (!(entry.get("scope") instanceof String scope)) {
      throw new IllegalArgumentException("a checkpoint has no scope");
    }
    try {
      AuditLogScope.ofKey(scope);
    } catch (InvalidRequestException e) {
      throw new IllegalArgumentException(
          "scope "
              + AuditLogScope.quoted(scope)
              + " is not one this version follows ('user' or 'accounts/<account_id>', 32 lowercase"
              + " hex)",
          e);
    }
    Map<String, String> filters = new LinkedHashMap<>();
    object(entry.get("filters"), "'filters'")
        .forEach(
            (name, value) -> {
              if (!(value instanceof String text)) {
                throw new IllegalArgumentException("filter '" + name + "' is not text");
              }
              filters.put((String) name, text);
            });
    return entry(scope, filters, entry);
  }

  private static SyncCheckpoint entry(String scope, Map<String, String> filters, Map<?, ?> entry) {
    Object newestText = entry.get("newest");
    Instant newest = newestText == null ? null : instant(newestText);
    Map<String, Instant> seen = new LinkedHashMap<>();
    if (entry.containsKey("seen")) {
      object(entry.get("seen"), "'seen'")
          .forEach((key, when) -> seen.put((String) key, instant(when)));
    }
    // A seen record may be newer than 'newest': a record stamped after its response's Date is
    // remembered by its own when while the checkpoint moves only to that Date (SyncProgress).
    return new SyncCheckpoint(scope, filters, newest, seen);
  }

  private static Map<?, ?> object(@Nullable Object value, String what) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    return map;
  }

  private static Instant instant(@Nullable Object text) {
    if (!(text instanceof String s)) {
      throw new IllegalArgumentException("a time is not text: " + text);
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad time '" + s + "'", e);
    }
  }

  /** Equal when scope, filters (in any order), newest {@code when} and recent ids are equal. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SyncCheckpoint c
        && scope.equals(c.scope)
        && filters.equals(c.filters)
        && Objects.equals(newest, c.newest)
        && seen.equals(c.seen);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scope, filters, newest, seen);
  }

  /** Scope, filters, newest {@code when} and the number of recent ids, such as for a log line. */
  @Override
  public String toString() {
    return "SyncCheckpoint{scope="
        + scope
        + ", filters="
        + SyncFilters.describe(filters)
        + ", newest="
        + newest
        + ", recentIds="
        + seen.size()
        + '}';
  }
}
