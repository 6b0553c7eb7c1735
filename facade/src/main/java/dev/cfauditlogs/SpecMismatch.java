package dev.cfauditlogs;

import org.jspecify.annotations.Nullable;

/**
 * One value of a record that does not match the OpenAPI document's {@code aaa_audit-logs} schema: a
 * field of another JSON type ({@code newValue} sent as an object), a {@code when} that is not an
 * RFC 3339 date-time, or an enum value the document does not list ({@code actor.type} {@code
 * "system"}). The record is delivered all the same; only the typed accessor for that field is
 * empty. {@code null} counts as absent, not as a mismatch; fields the document does not list are
 * not mismatches either (they are kept in {@link AuditLog#json()}).
 */
public final class SpecMismatch {
  /** How many characters of a value {@link #found()} shows. */
  static final int SHOWN_CHARS = 40;

  private final String path;
  private final String expected;
  private final String found;

  SpecMismatch(String path, String expected, String found) {
    this.path = path;
    this.expected = expected;
    this.found = found;
  }

  /**
   * Where: the field names from the record down, joined by dots ({@code newValue}, {@code
   * actor.type}), with {@code [i]} for an element of an array. {@link AuditLog#fieldJson(String)}
   * takes the same path (without array elements).
   */
  public String path() {
    return path;
  }

  /**
   * What the document says: a JSON type ({@code string}, {@code boolean}, {@code object}, …), a
   * format ({@code date-time (RFC 3339)}) or the enum's values ({@code one of [user, admin,
   * Cloudflare]}).
   */
  public String expected() {
    return expected;
  }

  /**
   * What was sent: a JSON type ({@code object}, {@code array}, {@code boolean true}), or for a
   * string or number of the wrong format or value, the value itself, shortened to {@value
   * #SHOWN_CHARS} characters (with the client's credentials masked).
   */
  public String found() {
    return found;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SpecMismatch other
        && path.equals(other.path)
        && expected.equals(other.expected)
        && found.equals(other.found);
  }

  @Override
  public int hashCode() {
    return (path.hashCode() * 31 + expected.hashCode()) * 31 + found.hashCode();
  }

  /** {@code path: expected …, found …}. */
  @Override
  public String toString() {
    return path + ": expected " + expected + ", found " + found;
  }
}
