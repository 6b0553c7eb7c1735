package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.Direction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The query filters shared by list, export and follow; validated by the library before anything is
 * sent.
 */
final class FilterOptions {
  @Option(names = "--id", paramLabel = "ID", description = "One log by its id.")
  @Nullable String id;

  @Option(names = "--action-type", paramLabel = "TYPE", description = "Action type, e.g. login.")
  @Nullable String actionType;

  @Option(names = "--actor-email", paramLabel = "EMAIL", description = "Email of the actor.")
  @Nullable String actorEmail;

  @Option(
      names = "--actor-ip",
      paramLabel = "IP|CIDR",
      description = "IP address or CIDR range of the actor, IPv4 or IPv6.")
  @Nullable String actorIp;

  @Option(names = "--zone-name", paramLabel = "ZONE", description = "Zone name, e.g. example.com.")
  @Nullable String zoneName;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description =
          "Logs from this time on: 2026-01-31 (midnight UTC), 2026-01-31T10:00:00Z, or a time"
              + " before now: 90s, 30m, 24h, 7d, 2w.")
  @Nullable String since;

  @Option(
      names = "--before",
      paramLabel = "TIME",
      description =
          "Logs before this time: 2026-02-01, 2026-02-01T00:00:00+01:00, or a time before now"
              + " (30m, 24h, ...).")
  @Nullable String before;

  @Option(
      names = "--direction",
      paramLabel = "asc|desc",
      description = "Chronological order (default: desc, newest first).")
  @Nullable String direction;

  @Option(names = "--per-page", paramLabel = "N", description = "Records per request, 1-1000.")
  @Nullable Integer perPage;

  @Option(names = "--hide-user-logs", description = "Hide user-level logs.")
  boolean hideUserLogs;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The local clock's whole second, read once per run for every relative time. */
  private @Nullable Instant now;

  private boolean announced;

  AuditLogQuery.Builder query() {
    AuditLogQuery.Builder q =
        AuditLogQuery.builder()
            .id(id)
            .actionType(actionType)
            .actorEmail(actorEmail)
            .actorIp(actorIp)
            .zoneName(zoneName);
    Instant relativeSince = relative("--since", since);
    if (relativeSince != null) {
      q.since(relativeSince);
    } else {
      q.since(since);
    }
    Instant relativeBefore = relative("--before", before);
    if (relativeBefore != null) {
      q.before(relativeBefore);
    } else {
      q.before(before);
    }
    announced = true;
    if (direction != null) {
      q.direction(Direction.parse(direction));
    }
    if (perPage != null) {
      q.perPage(perPage);
    }
    if (hideUserLogs) {
      q.hideUserLogs(true);
    }
    return q;
  }

  /**
   * The instant a relative {@code value} means, said once on stderr as RFC 3339; null when the
   * value is absent or not relative. A bad relative value is refused naming it.
   */
  private @Nullable Instant relative(String option, @Nullable String value) {
    if (value == null) {
      return null;
    }
    if (now == null) {
      now =
          ((RootCommand) mixee.root().userObject())
              .clock()
              .instant()
              .truncatedTo(ChronoUnit.SECONDS);
    }
    Instant at;
    try {
      at = RelativeTime.resolve(option, value, now).orElse(null);
    } catch (RelativeTime.Invalid e) {
      throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage());
    }
    if (at != null && !announced) {
      mixee
          .commandLine()
          .getErr()
          .println(
              "cf-audit-logs: "
                  + option
                  + " "
                  + value
                  + " = "
                  + at
                  + " ("
                  + value
                  + " before "
                  + now
                  + ", the local clock)");
    }
    return at;
  }
}
