package dev.cfauditlogs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * What to ask for: whose log ({@link #scope()}: the user's own, {@code GET /user/audit_logs},
 * unless an account is chosen, {@code GET /accounts/{account_id}/audit_logs}) and eleven of the
 * document's twelve query parameters (all but {@code export}, see below), validated when {@link
 * Builder#build()} is called, so that a bad value is refused with an {@link
 * InvalidRequestException} naming the parameter and the value before any request is sent.
 *
 * <p>{@code since} and {@code before} take the API's RFC 3339 union: a {@link LocalDate} is sent as
 * a full-date ({@code 2026-01-31}, which Cloudflare reads as midnight UTC); an {@link Instant},
 * {@link OffsetDateTime} or {@link ZonedDateTime} as a date-time in UTC with {@code Z}, keeping
 * every sub-second digit given; a string is parsed strictly as either form and normalized the same
 * way. {@code since} may not be later than {@code before}.
 *
 * <pre>{@code
 * AuditLogQuery query = AuditLogQuery.builder()
 *     .since(LocalDate.of(2026, 1, 1))
 *     .before(Instant.now())
 *     .actionType("login")
 *     .perPage(1000)
 *     .build();
 * }</pre>
 *
 * <p><b>No {@code export} parameter.</b> Cloudflare's OpenAPI document lists {@code export} only as
 * "an export of logs in CSV format", while it defines the 200 response of this operation as JSON;
 * the CSV's columns, pagination and content type are neither documented nor observed by us. A query
 * with {@code export=true} would get a body this library cannot read as a page, so the parameter is
 * left out rather than offered as a knob that can only fail. For CSV, fetch the records and write
 * them yourself, or use the CLI's {@code --format csv}: that CSV is this project's documented
 * format (see the README), not Cloudflare's export.
 */
public final class AuditLogQuery {
  /** The largest {@code per_page} the API accepts. */
  public static final int MAX_PER_PAGE = 1000;

  /** The {@code per_page} Cloudflare uses when none is sent. */
  public static final int DEFAULT_PER_PAGE = 100;

  private final @Nullable String id;
  private final @Nullable String actionType;
  private final @Nullable String actorIp;
  private final @Nullable String actorEmail;
  private final @Nullable TimeBound since;
  private final @Nullable TimeBound before;
  private final @Nullable String zoneName;
  private final @Nullable Direction direction;
  private final @Nullable Integer perPage;
  private final @Nullable Integer page;
  private final @Nullable Boolean hideUserLogs;
  private final AuditLogScope scope;
  private final Map<String, String> parameters;

  private AuditLogQuery(Builder b) {
    this.scope = b.scope;
    this.id = b.id;
    this.actionType = b.actionType;
    this.actorIp = b.actorIp;
    this.actorEmail = b.actorEmail;
    this.since = b.since;
    this.before = b.before;
    this.zoneName = b.zoneName;
    this.direction = b.direction;
    this.perPage = b.perPage;
    this.page = b.page;
    this.hideUserLogs = b.hideUserLogs;
    this.parameters = wireParameters(b);
  }

  /** A query for every log, with nothing set: Cloudflare's defaults apply. */
  public static AuditLogQuery all() {
    return builder().build();
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this query's values, for making a variant. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.actionType = actionType;
    b.actorIp = actorIp;
    b.actorEmail = actorEmail;
    b.since = since;
    b.before = before;
    b.zoneName = zoneName;
    b.direction = direction;
    b.perPage = perPage;
    b.page = page;
    b.hideUserLogs = hideUserLogs;
    b.scope = scope;
    return b;
  }

  /**
   * Whose log this query reads: {@link AuditLogScope#user()} unless {@link Builder#scope} or {@link
   * Builder#accountId} chose an account. Not a query parameter: an account's id travels in the
   * path.
   */
  public AuditLogScope scope() {
    return scope;
  }

  /** {@code id}: one log by its id. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** {@code action.type}. */
  public Optional<String> actionType() {
    return Optional.ofNullable(actionType);
  }

  /** {@code actor.ip}: an IP address or CIDR range. */
  public Optional<String> actorIp() {
    return Optional.ofNullable(actorIp);
  }

  /** {@code actor.email}. */
  public Optional<String> actorEmail() {
    return Optional.ofNullable(actorEmail);
  }

  /** {@code since} as sent on the wire: a full-date or a UTC date-time. */
  public Optional<String> since() {
    return Optional.ofNullable(since).map(TimeBound::wireValue);
  }

  /** {@code before} as sent on the wire: a full-date or a UTC date-time. */
  public Optional<String> before() {
    return Optional.ofNullable(before).map(TimeBound::wireValue);
  }

  /** {@code zone.name}. */
  public Optional<String> zoneName() {
    return Optional.ofNullable(zoneName);
  }

  /** {@code direction}; Cloudflare's default is {@link Direction#DESC}. */
  public Optional<Direction> direction() {
    return Optional.ofNullable(direction);
  }

  /**
   * {@code per_page}, 1 to {@value #MAX_PER_PAGE}; Cloudflare's default is {@value
   * #DEFAULT_PER_PAGE}.
   */
  public OptionalInt perPage() {
    return perPage == null ? OptionalInt.empty() : OptionalInt.of(perPage);
  }

  /** {@code page}, from 1; Cloudflare's default is 1. */
  public OptionalInt page() {
    return page == null ? OptionalInt.empty() : OptionalInt.of(page);
  }

  /** {@code hide_user_logs}. */
  public Optional<Boolean> hideUserLogs() {
    return Optional.ofNullable(hideUserLogs);
  }

  @Nullable TimeBound sinceBound() {
    return since;
  }

  @Nullable TimeBound beforeBound() {
    return before;
  }

  /**
   * The query parameters this query sends: only those set, named as in Cloudflare's OpenAPI
   * document ({@code action.type}, {@code per_page}, ...), in the document's order, with their
   * values as written on the wire ({@code since} normalized to UTC, {@code direction} as {@code
   * asc}/{@code desc}, booleans as {@code true}/{@code false}). The one owner of this mapping:
   * equality, {@link #toString()}, the emulator's ground truth and the CLI's checkpoint all read
   * it.
   *
   * @return an unmodifiable map, empty for {@link #all()}
   */
  public Map<String, String> parameters() {
    return parameters;
  }

  private static Map<String, String> wireParameters(Builder b) {
    Map<String, String> p = new LinkedHashMap<>();
    put(p, "id", b.id);
    put(p, "action.type", b.actionType);
    put(p, "actor.ip", b.actorIp);
    put(p, "actor.email", b.actorEmail);
    put(p, "since", b.since == null ? null : b.since.wireValue());
    put(p, "before", b.before == null ? null : b.before.wireValue());
    put(p, "zone.name", b.zoneName);
    put(p, "direction", b.direction == null ? null : b.direction.wireValue());
    put(p, "per_page", b.perPage);
    put(p, "page", b.page);
    put(p, "hide_user_logs", b.hideUserLogs);
    return Collections.unmodifiableMap(p);
  }

  private static void put(Map<String, String> p, String name, @Nullable Object value) {
    if (value != null) {
      p.put(name, value.toString());
    }
  }

  /** Equal when both read the same {@link #scope()} and send the same {@link #parameters()}. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AuditLogQuery q && scope.equals(q.scope) && parameters.equals(q.parameters);
  }

  @Override
  public int hashCode() {
    return 31 * scope.hashCode() + parameters.hashCode();
  }

  /**
   * The query as the parameters it sends, such as {@code AuditLogQuery{since=2026-01-01,
   * per_page=1000}}; an account scope comes first, as in {@code AuditLogQuery{account
   * 0123456789abcdef0123456789abcdef, since=2026-01-01}}.
   */
  @Override
  public String toString() {
    StringJoiner s = new StringJoiner(", ", "AuditLogQuery{", "}");
    if (!scope.isUser()) {
      s.add(scope.toString());
    }
    parameters.forEach((name, value) -> s.add(name + "=" + value));
    return s.toString();
  }

  /** Builds an {@link AuditLogQuery}; {@link #build()} validates every value. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String actionType;
    private @Nullable String actorIp;
    private @Nullable String actorEmail;
    private @Nullable TimeBound since;
    private @Nullable TimeBound before;
    private @Nullable String zoneName;
    private @Nullable Direction direction;
    private @Nullable Integer perPage;
    private @Nullable Integer page;
    private @Nullable Boolean hideUserLogs;
    private AuditLogScope scope = AuditLogScope.user();

    private Builder() {}

    /**
     * Whose log to read; {@link AuditLogScope#user()} when never called.
     *
     * @throws NullPointerException when {@code scope} is null
     */
    public Builder scope(AuditLogScope scope) {
      this.scope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /**
     * Reads one account's log: the same as {@code scope(AuditLogScope.account(accountId))}.
     *
     * @throws InvalidRequestException (parameter {@code account_id}) naming the value unless it is
     *     32 lowercase hexadecimal characters
     */
    public Builder accountId(String accountId) {
      return scope(AuditLogScope.account(accountId));
    }

    /** Finds one log by its id. */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /** Filters by action type, such as {@code login}. */
    public Builder actionType(@Nullable String actionType) {
      this.actionType = actionType;
      return this;
    }

    /** Filters by the IP address or CIDR range of the request that made the change. */
    public Builder actorIp(@Nullable String actorIp) {
      this.actorIp = actorIp;
      return this;
    }

    /** Filters by the email address of the actor. */
    public Builder actorEmail(@Nullable String actorEmail) {
      this.actorEmail = actorEmail;
      return this;
    }

    /** Logs from this date on (midnight UTC; inclusive). */
    public Builder since(LocalDate since) {
      this.since = TimeBound.of(since);
      return this;
    }

    /** Logs from this instant on (inclusive). */
    public Builder since(Instant since) {
      this.since = TimeBound.of(since);
      return this;
    }

    /** Logs from this instant on (inclusive); sent in UTC. */
    public Builder since(OffsetDateTime since) {
      this.since = TimeBound.of(since);
      return this;
    }

    /** Logs from this instant on (inclusive); sent in UTC. */
    public Builder since(ZonedDateTime since) {
      this.since = TimeBound.of(since);
      return this;
    }

    /** Logs from this RFC 3339 full-date or date-time on; refused unless it is one of the two. */
    public Builder since(@Nullable String since) {
      this.since = since == null ? null : TimeBound.parse("since", since);
      return this;
    }

    /** Logs before this date (midnight UTC; exclusive). */
    public Builder before(LocalDate before) {
      this.before = TimeBound.of(before);
      return this;
    }

    /** Logs before this instant (exclusive). */
    public Builder before(Instant before) {
      this.before = TimeBound.of(before);
      return this;
    }

    /** Logs before this instant (exclusive); sent in UTC. */
    public Builder before(OffsetDateTime before) {
      this.before = TimeBound.of(before);
      return this;
    }

    /** Logs before this instant (exclusive); sent in UTC. */
    public Builder before(ZonedDateTime before) {
      this.before = TimeBound.of(before);
      return this;
    }

    /** Logs before this RFC 3339 full-date or date-time; refused unless it is one of the two. */
    public Builder before(@Nullable String before) {
      this.before = before == null ? null : TimeBound.parse("before", before);
      return this;
    }

    /** Filters by the name of the zone, such as {@code example.com}. */
    public Builder zoneName(@Nullable String zoneName) {
      this.zoneName = zoneName;
      return this;
    }

    /** The chronological order. */
    public Builder direction(@Nullable Direction direction) {
      this.direction = direction;
      return this;
    }

    /** Results per page, 1 to {@value AuditLogQuery#MAX_PER_PAGE}. */
    public Builder perPage(int perPage) {
      this.perPage = perPage;
      return this;
    }

    /** Which page, from 1. */
    public Builder page(int page) {
      this.page = page;
      return this;
    }

    /** Hides user-level logs. */
    public Builder hideUserLogs(boolean hideUserLogs) {
      this.hideUserLogs = hideUserLogs;
      return this;
    }

    /**
     * Validates and builds the query.
     *
     * @throws InvalidRequestException naming the first bad parameter and its value
     */
    public AuditLogQuery build() {
      requireText("id", id);
      requireText("action.type", actionType);
      requireText("zone.name", zoneName);
      if (actorEmail != null && !QueryValues.isEmail(actorEmail)) {
        throw new InvalidRequestException(
            "actor.email",
            "actor.email must be an email address but was '"
                + QueryValues.printable(actorEmail)
                + "'");
      }
      if (actorIp != null && !QueryValues.isIpOrCidr(actorIp)) {
        throw new InvalidRequestException(
            "actor.ip",
            "actor.ip must be an IPv4 or IPv6 address or a CIDR range but was '"
                + QueryValues.printable(actorIp)
                + "'");
      }
      if (perPage != null && (perPage < 1 || perPage > MAX_PER_PAGE)) {
        throw new InvalidRequestException(
            "per_page", "per_page must be between 1 and " + MAX_PER_PAGE + " but was " + perPage);
      }
      if (page != null && page < 1) {
        throw new InvalidRequestException("page", "page must be 1 or more but was " + page);
      }
      requireRfc3339Year("since", since);
      requireRfc3339Year("before", before);
      if (since != null && before != null && since.compareTo(before) > 0) {
        throw new InvalidRequestException(
            "since", "since (" + since + ") must not be later than before (" + before + ")");
      }
      return new AuditLogQuery(this);
    }

    private static void requireText(String parameter, @Nullable String value) {
      if (value != null && (value.isBlank() || QueryValues.hasControlCharacter(value))) {
        throw new InvalidRequestException(
            parameter,
            parameter
                + " must be non-blank text without control characters but was '"
                + QueryValues.printable(value)
                + "'");
      }
    }

    private static void requireRfc3339Year(String parameter, @Nullable TimeBound bound) {
      if (bound != null) {
        int year = bound.start().atOffset(ZoneOffset.UTC).getYear();
        if (year < 0 || year > 9999) {
          throw new InvalidRequestException(
              parameter,
              parameter + " must be within the years 0000 to 9999 but was " + bound.start());
        }
      }
    }
  }
}
