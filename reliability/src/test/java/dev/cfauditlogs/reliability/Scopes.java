package dev.cfauditlogs.reliability;

import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.util.List;

/**
 * The two scopes the reliability suite runs in: the user's log and one account's. An emulator for
 * an account scope serves that account (and the user's log beside it, which the test does not
 * read); an account id is 32 lowercase hex, as Cloudflare's are observed to be.
 */
final class Scopes {
  static final String ACCOUNT = "5ca1ab1e0ddba11c0ffeec0ffee5ca1e";

  private Scopes() {}

  static final AuditLogScope USER = AuditLogScope.user();
  static final AuditLogScope ACCOUNT_SCOPE = AuditLogScope.account(ACCOUNT);

  /** Both scopes, the user's first. */
  static List<AuditLogScope> both() {
    return List.of(USER, ACCOUNT_SCOPE);
  }

  /** {@code builder} serving {@code scope}'s log (an account is added when it is one). */
  static AuditLogEmulator.Builder serving(AuditLogEmulator.Builder builder, AuditLogScope scope) {
    return scope.accountId().map(builder::accounts).orElse(builder);
  }

  /** The records {@code scope}'s log starts with when an emulator serves {@code dataset}. */
  static Dataset initial(Dataset dataset, AuditLogScope scope) {
    return scope.accountId().map(dataset::forAccount).orElse(dataset);
  }

  /** A short name for figures' files: {@code user} or {@code account}. */
  static String name(AuditLogScope scope) {
    return scope.isUser() ? "user" : "account";
  }
}
