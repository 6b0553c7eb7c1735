package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.InvalidRequestException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Which audit logs a command reads: the user's own (no option, as before accounts existed) or the
 * accounts named by {@code --account-id}. The scope is never taken from the environment: {@code
 * CLOUDFLARE_ACCOUNT_ID}, which other Cloudflare tools set for other purposes, must not change what
 * an existing script or checkpoint means.
 */
final class AccountOptions {
  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description =
          "Read the audit log of this account (GET /accounts/ID/audit_logs) instead of the"
              + " user's own; repeat for several accounts. ID: 32 lowercase hex characters."
              + " Never taken from CLOUDFLARE_ACCOUNT_ID.")
  List<String> accountIds = new ArrayList<>();

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** Whether {@code --account-id} was given at all. */
  boolean given() {
    return !accountIds.isEmpty();
  }

  /**
   * The scopes to read, in the order given: the user's alone without {@code --account-id}. Refuses
   * (exit 2, before any request) an id that is not an account id and an id given twice, naming the
   * value and the option.
   */
  List<AuditLogScope> scopes() {
    if (accountIds.isEmpty()) {
      return List.of(AuditLogScope.user());
    }
    Set<AuditLogScope> scopes = new LinkedHashSet<>();
    for (String id : accountIds) {
      AuditLogScope scope;
      try {
        scope = AuditLogScope.account(id);
      } catch (InvalidRequestException e) {
        throw new CommandLine.ParameterException(
            mixee.commandLine(), "--account-id: " + e.getMessage());
      }
      if (!scopes.add(scope)) {
        throw new CommandLine.ParameterException(
            mixee.commandLine(),
            "--account-id "
                + id
                + " is given twice; give each account once (it would be read once anyway)");
      }
    }
    return List.copyOf(scopes);
  }

  /**
   * The scopes to read ({@link #scopes()}), refusing (exit 2, before any request) an output that
   * cannot hold them as asked: {@code --output} with {@code --output-dir}, and jsonl or json to one
   * output for several accounts, which could not tell them apart without changing the records.
   */
  List<AuditLogScope> scopesFor(@Nullable Path output, @Nullable Path outputDir, String format) {
    List<AuditLogScope> scopes = scopes();
    if (output != null && outputDir != null) {
      throw new CommandLine.ParameterException(
          mixee.commandLine(),
          "--output and --output-dir cannot be used together: --output writes one file,"
              + " --output-dir one file per account");
    }
    if (outputDir == null && scopes.size() > 1 && !format.equals("csv")) {
      throw new CommandLine.ParameterException(
          mixee.commandLine(),
          "--format "
              + format
              + " cannot tell "
              + scopes.size()
              + " accounts apart in one output without changing the records: use --output-dir DIR"
              + " (one file per account) or --format csv (an account_id column)");
    }
    return scopes;
  }

  /** The name of a scope's own output file in {@code --output-dir}, without the extension. */
  static String fileStem(AuditLogScope scope) {
    return scope.accountId().orElse("user");
  }

  /** How stderr names a scope: {@code account <id>} or {@code user}. */
  static String name(AuditLogScope scope) {
    return scope.toString();
  }
}
