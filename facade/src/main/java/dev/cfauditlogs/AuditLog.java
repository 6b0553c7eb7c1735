package dev.cfauditlogs;

import dev.cfauditlogs.generated.model.AaaAuditLogs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One audit log record: the typed model generated from the spec, and the exact JSON text Cloudflare
 * sent for it, fields the spec does not list included (for lossless exports).
 */
public final class AuditLog {
  private final AaaAuditLogs model;
  private final byte[] utf8;

  /**
   * The text of {@link #utf8}, decoded on first use. Racy but safe, like {@code String.hash}: every
   * thread that decodes it gets an equal, immutable string.
   */
  private @Nullable String json;

  /** A record and its exact JSON text as the UTF-8 bytes received (not copied: do not change). */
  AuditLog(AaaAuditLogs model, byte[] utf8) {
    this.model = model;
    this.utf8 = utf8;
  }

  /** The record's {@code id}, when present. */
  public Optional<String> id() {
    return Optional.ofNullable(model.getId());
  }

  /** When the action happened, when present. */
  public Optional<Instant> when() {
    return Optional.ofNullable(model.getWhen()).map(w -> w.toInstant());
  }

  /** The typed record, as generated from the spec's {@code aaa_audit-logs} schema. */
  public AaaAuditLogs model() {
    return model;
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
}
