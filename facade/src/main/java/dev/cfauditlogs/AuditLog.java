package dev.cfauditlogs;

import dev.cfauditlogs.generated.model.AaaAuditLogs;
import java.time.Instant;
import java.util.Optional;

/**
 * One audit log record: the typed model generated from the spec, and the exact JSON text Cloudflare
 * sent for it, fields the spec does not list included (for lossless exports).
 */
public final class AuditLog {
  private final AaaAuditLogs model;
  private final String json;

  AuditLog(AaaAuditLogs model, String json) {
    this.model = model;
    this.json = json;
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
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditLog other && json.equals(other.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "AuditLog" + json;
  }
}
