package dev.cfauditlogs.testkit;

import dev.cfauditlogs.AuditLogScope;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The logs an emulator holds, one per scope: the user's own log, and one per account it was given
 * ({@link AuditLogEmulator.Builder#accounts} and {@link AuditLogEmulator.Builder#deniedAccounts});
 * each with its records and the generator its live appends continue from. Which accounts the
 * credentials may read is also kept here.
 */
final class ScopedLogs {
  /** One scope's records and where its synthetic appends come from. */
  record ScopeLog(LogStore store, SyntheticGenerator appends) {}

  private final Map<AuditLogScope, ScopeLog> logs;
  private final Set<String> denied;

  ScopedLogs(Dataset userDataset, List<String> accounts, Set<String> denied) {
    Map<AuditLogScope, ScopeLog> all = new LinkedHashMap<>();
    all.put(AuditLogScope.user(), of(userDataset));
    for (String id : accounts) {
      all.put(AuditLogScope.account(id), of(userDataset.forAccount(id)));
    }
    for (String id : denied) {
      all.computeIfAbsent(AuditLogScope.account(id), s -> of(userDataset.forAccount(id)));
    }
    this.logs = Collections.unmodifiableMap(all);
    this.denied = Set.copyOf(denied);
  }

  private static ScopeLog of(Dataset dataset) {
    return new ScopeLog(
        new LogStore(dataset.ascending()),
        new SyntheticGenerator(dataset.seed(), 1, dataset.size(), dataset.accountId()));
  }

  /** The user's own log. */
  ScopeLog user() {
    return logs.get(AuditLogScope.user());
  }

  /** The scope's log, if the emulator holds one. */
  Optional<ScopeLog> find(AuditLogScope scope) {
    return Optional.ofNullable(logs.get(scope));
  }

  /**
   * The scope's log, for the ground-truth and append methods.
   *
   * @throws IllegalArgumentException naming the scope when the emulator holds no such log
   */
  ScopeLog get(AuditLogScope scope) {
    ScopeLog log = logs.get(scope);
    if (log == null) {
      throw new IllegalArgumentException(
          "the emulator holds no log for "
              + scope
              + " (its accounts: "
              + String.join(", ", accountIds())
              + ")");
    }
    return log;
  }

  /**
   * Whether the credentials may read the scope: the user log always, an account if held and not
   * denied.
   */
  boolean readable(AuditLogScope scope) {
    return logs.containsKey(scope)
        && scope.accountId().map(id -> !denied.contains(id)).orElse(true);
  }

  /** The account ids held, readable or not, in the order given. */
  List<String> accountIds() {
    return logs.keySet().stream().flatMap(s -> s.accountId().stream()).toList();
  }

  /** Every log, the user's first. */
  Iterable<ScopeLog> all() {
    return logs.values();
  }
}
