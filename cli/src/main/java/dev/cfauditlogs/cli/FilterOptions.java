package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.Direction;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

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
      description = "Logs from this time on: 2026-01-31 (midnight UTC) or 2026-01-31T10:00:00Z.")
  @Nullable String since;

  @Option(
      names = "--before",
      paramLabel = "TIME",
      description = "Logs before this time: 2026-02-01 or 2026-02-01T00:00:00+01:00.")
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

  AuditLogQuery.Builder query() {
    AuditLogQuery.Builder q =
        AuditLogQuery.builder()
            .id(id)
            .actionType(actionType)
            .actorEmail(actorEmail)
            .actorIp(actorIp)
            .zoneName(zoneName)
            .since(since)
            .before(before);
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
}
