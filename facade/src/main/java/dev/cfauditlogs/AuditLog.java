package dev.cfauditlogs;

import dev.cfauditlogs.generated.invoker.SpecReader;
import dev.cfauditlogs.generated.model.AaaAuditLogs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One audit log record, delivered exactly as Cloudflare sent it whatever the JSON types of its
 * fields (real records are looser than the OpenAPI document: {@code newValue} as an object, enum
 * values the document does not list, fields it does not list).
 *
 * <ul>
 *   <li>{@link #json()}: the record's exact JSON text, every field kept;
 *   <li>{@link #compactJson()}: the same without the white space between tokens;
 *   <li>{@link #fieldJson(String)}: the exact JSON text of one field, whatever its type;
 *   <li>{@link #model()}: the typed view generated from the document's {@code aaa_audit-logs}
 *       schema, each accessor empty when the field is absent, {@code null} or not as the document
 *       says;
 *   <li>{@link #mismatches()}: what did not match the document.
 * </ul>
 *
 * <p>Immutable and safe to share between threads. The typed view is decoded from the kept text on
 * first use of {@link #model()}; {@link #mismatches()} alone only checks the text against the
 * document, without making the typed view; {@link #id()} and {@link #when()} were read when the
 * page was decoded.
 */
public final class AuditLog {
  private final byte[] utf8;
  private final @Nullable String id;
  private final @Nullable Instant when;
  private final Redactor redactor;

  /**
   * The text of {@link #utf8} and the typed view, made on first use. Racy but safe, like {@code
   * String.hash}: every thread that makes one gets an equal, immutable value.
   */
  private @Nullable String json;

  private @Nullable String compactJson;

  private @Nullable Typed typed;

  private @Nullable List<SpecMismatch> mismatches;

  /**
   * A record: its exact JSON text as the UTF-8 bytes received (not copied: do not change), and its
   * top-level {@code id} and {@code when} when they are a string and an RFC 3339 date-time.
   */
  AuditLog(byte[] utf8, @Nullable String id, @Nullable Instant when, Redactor redactor) {
    this.utf8 = utf8;
    this.id = id;
    this.when = when;
    this.redactor = redactor;
  }

  /**
   * The record's {@code id}; empty when it is absent or not a JSON string. Such a record is still
   * delivered; pagination then recognises it by its exact JSON text instead.
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * When the action happened; empty when {@code when} is absent or not an RFC 3339 date-time string
   * (sub-second digits are RFC 3339 and fine).
   */
  public Optional<Instant> when() {
    return Optional.ofNullable(when);
  }

  /**
   * The typed record, generated from the OpenAPI document's {@code aaa_audit-logs} schema:
   * immutable, each accessor empty when its field is absent, {@code null} or not as the document
   * says (see {@link #mismatches()}). A free-form object such as {@code metadata} is given as its
   * JSON text.
   */
  public AaaAuditLogs model() {
    return typed().model;
  }

  /**
   * What in this record does not match the OpenAPI document, in the order sent; empty for a record
   * that conforms. Each mismatch leaves its typed accessor empty; the value is still in {@link
   * #json()} and {@link #fieldJson(String)}.
   */
  public List<SpecMismatch> mismatches() {
    Typed t = typed;
    if (t != null) {
      return t.mismatches;
    }
    List<SpecMismatch> found = mismatches;
    if (found == null) {
      // Only checked: the same mismatches as the typed view's, without making it.
      SpecReader in = SpecReader.checking(utf8);
      AaaAuditLogs.read(in);
      found = mismatchesOf(in, redactor);
      mismatches = found;
    }
    return found;
  }

  /**
   * The exact JSON text of one field, whatever its JSON type: {@code fieldJson("newValue")} is
   * {@code "low"} (with its quotes) for a string and {@code {"type":"A",…}} for an object; {@code
   * fieldJson("actor.type")} reaches into an object. Empty when the field is absent (or a step of
   * the path is not an object). The path is field names joined by dots, as {@link
   * SpecMismatch#path()} gives them; a name that itself contains a dot is only in {@link #json()}.
   */
  public Optional<String> fieldJson(String path) {
    return Optional.ofNullable(FieldText.find(utf8, path));
  }

  /** The record exactly as the API sent it: one JSON object, every field kept. */
  public String json() {
    String text = json;
    if (text == null) {
      text = new String(utf8, StandardCharsets.UTF_8);
      json = text;
    }
    return text;
  }

  /**
   * The record as the API sent it with the white space between its tokens removed: every name,
   * string, number and literal exactly as sent (white space inside strings kept), one line. The
   * same text as {@link #json()} when the record came without such white space (as Cloudflare sends
   * it); the form the CLI writes and a {@link SyncCheckpoint} remembers an id-less record by.
   */
  public String compactJson() {
    String text = compactJson;
    if (text == null) {
      byte[] compact = CompactUtf8.of(utf8);
      text = compact == utf8 ? json() : new String(compact, StandardCharsets.UTF_8);
      compactJson = text;
    }
    return text;
  }

  private Typed typed() {
    Typed t = typed;
    if (t == null) {
      t = new Typed(utf8, redactor);
      typed = t;
    }
    return t;
  }

  /** A hash of the bytes as sent, to tell two records that share an {@code id} apart. */
  int bytesHash() {
    return java.util.Arrays.hashCode(utf8);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AuditLog other && json().equals(other.json());
  }

  @Override
  public int hashCode() {
    return json().hashCode();
  }

  @Override
  public String toString() {
    return "AuditLog" + json();
  }

  /** The typed view and its mismatches, decoded together. */
  private static final class Typed {
    final AaaAuditLogs model;
    final List<SpecMismatch> mismatches;

    Typed(byte[] utf8, Redactor redactor) {
      SpecReader in = SpecReader.of(utf8);
      AaaAuditLogs read = AaaAuditLogs.read(in);
      if (read == null) {
        // The page decoder only makes records of JSON objects.
        throw new IllegalStateException("internal error: a record that is not a JSON object");
      }
      this.model = read;
      this.mismatches = mismatchesOf(in, redactor);
    }
  }

  /** What {@code in} found, each value shown masked and shortened. */
  private static List<SpecMismatch> mismatchesOf(SpecReader in, Redactor redactor) {
    List<SpecReader.Mismatch> read = in.mismatches();
    if (read.isEmpty()) {
      return List.of();
    }
    List<SpecMismatch> found = new ArrayList<>();
    for (SpecReader.Mismatch m : read) {
      String shown = Texts.shorten(redactor.scrub(m.found()), SpecMismatch.SHOWN_CHARS);
      found.add(new SpecMismatch(m.path(), m.expected(), shown));
    }
    return List.copyOf(found);
  }
}
