package dev.cfauditlogs;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whose audit log a query reads: the user's own ({@code GET /user/audit_logs}, operationId {@code
 * audit-logs-get-user-audit-logs}) or one account's ({@code GET /accounts/{account_id}/audit_logs},
 * operationId {@code audit-logs-get-account-audit-logs}). Both operations take the same twelve
 * query parameters and answer the same pages of the same records (Cloudflare's OpenAPI document),
 * so everything else of this library — {@link AuditLogQuery}, paging, {@link AuditLogFollower}, the
 * guarantees — is the same for both; one {@link AuditLogsClient} (one rate budget: Cloudflare's
 * limit is per user across all accounts) serves every scope.
 *
 * <p>A value type: equal when it names the same log. Never chosen from the environment: a scope is
 * always given explicitly.
 */
public final class AuditLogScope {
  /**
   * The document says only {@code maxLength: 32} ({@code aaa_identifier}); Cloudflare's account ids
   * are observed to be exactly 32 lowercase hexadecimal characters.
   */
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-f]{32}");

  /** The longest refused value shown in full in an error message. */
  private static final int SHOWN = 64;

  private static final AuditLogScope USER = new AuditLogScope(null);

  private final @Nullable String accountId;

  private AuditLogScope(@Nullable String accountId) {
    this.accountId = accountId;
  }

  /** The user's own audit log: {@code GET /user/audit_logs}. */
  public static AuditLogScope user() {
    return USER;
  }

  /**
   * One account's audit log: {@code GET /accounts/{account_id}/audit_logs}.
   *
   * @param accountId the account's id: exactly 32 lowercase hexadecimal characters (the document
   *     says at most 32 characters; real ids are observed to be 32 lowercase hex)
   * @throws InvalidRequestException (parameter {@code account_id}) naming the value when it is
   *     anything else; nothing is sent
   */
  public static AuditLogScope account(@Nullable String accountId) {
    if (accountId == null) {
      throw new InvalidRequestException(
          "account_id", "account_id must be 32 lowercase hexadecimal characters but was missing");
    }
    if (!ACCOUNT_ID.matcher(accountId).matches()) {
      throw new InvalidRequestException(
          "account_id",
          "account_id must be 32 lowercase hexadecimal characters but was " + quoted(accountId));
    }
    return new AuditLogScope(accountId);
  }

  /**
   * The scope a {@link #key()} names.
   *
   * @throws InvalidRequestException when the text is neither {@code user} nor {@code accounts/<32
   *     lowercase hex>}
   */
  public static AuditLogScope ofKey(String key) {
    if ("user".equals(key)) {
      return USER;
    }
    if (key != null && key.startsWith("accounts/")) {
      return account(key.substring("accounts/".length()));
    }
    throw new InvalidRequestException(
        "scope",
        "a scope must be 'user' or 'accounts/<account_id>' but was "
            + (key == null ? "null" : quoted(key)));
  }

  /** The account id, or empty for the user's own log. */
  public Optional<String> accountId() {
    return Optional.ofNullable(accountId);
  }

  /** Whether this is the user's own log. */
  public boolean isUser() {
    return accountId == null;
  }

  /** The text a checkpoint stores for this scope: {@code user} or {@code accounts/<account_id>}. */
  public String key() {
    return accountId == null ? "user" : "accounts/" + accountId;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AuditLogScope s && Objects.equals(accountId, s.accountId);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(accountId);
  }

  /** {@code user} or {@code account <account_id>}. */
  @Override
  public String toString() {
    return accountId == null ? "user" : "account " + accountId;
  }

  /**
   * A refused value in quotes for a message: control characters escaped, at most {@value #SHOWN}
   * characters shown (then its length).
   */
  static String quoted(String value) {
    if (value.length() <= SHOWN) {
      return "'" + QueryValues.printable(value) + "'";
    }
    return "'"
        + QueryValues.printable(value.substring(0, SHOWN))
        + "…' ("
        + value.length()
        + " characters)";
  }
}
