package dev.cfauditlogs.testkit;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of one {@code GET /user/audit_logs} request, validated the way the emulator
 * documents: every filter is ANDed with the others, unknown parameters are ignored, and of a
 * repeated parameter the first value counts.
 *
 * <p>These are the emulator's model of Cloudflare's rules (observed where we could, guessed
 * elsewhere), written apart from the library's ({@code AuditLogQuery.Builder#build()}) on purpose:
 * the server side is a different fact from what our client refuses before sending. {@code
 * ValidationAgreementTest} feeds both the same inputs and lists every known difference with its
 * reason (see the testkit README).
 */
final class LogQuery {
  static final int DEFAULT_PER_PAGE = 100;
  static final int MAX_PER_PAGE = 1000;

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?\\d{1,20}(?:\\.\\d{1,20})?(?:[eE][+-]?\\d{1,3})?");
  private static final BigDecimal MAX_PAGE = BigDecimal.valueOf(1_000_000_000_000L);
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]{1,64}"
              + "@[A-Za-z0-9\\u0080-\\uFFFF](?:[A-Za-z0-9\\u0080-\\uFFFF-]*[A-Za-z0-9\\u0080-\\uFFFF])?"
              + "(?:\\.[A-Za-z0-9\\u0080-\\uFFFF](?:[A-Za-z0-9\\u0080-\\uFFFF-]*[A-Za-z0-9\\u0080-\\uFFFF])?)+");

  final @Nullable String id;
  final @Nullable String actionType;
  final @Nullable String actorEmail;
  final @Nullable IpRange actorIp;
  final @Nullable String zoneName;
  final @Nullable Instant since;
  final @Nullable Instant before;
  final boolean hideUserLogs;
  final boolean ascending;
  final boolean export;
  final long page;
  final int perPage;

  private LogQuery(Map<String, List<String>> params) {
    id = first(params, "id");
    actionType = first(params, "action.type");
    actorEmail = first(params, "actor.email");
    if (actorEmail != null && !isEmail(actorEmail)) {
      throw ApiError.badParameter(
          "actor.email must be an email address but was '" + actorEmail + "'");
    }
    String ip = first(params, "actor.ip");
    actorIp = ip == null ? null : IpRange.parse(ip);
    if (ip != null && actorIp == null) {
      throw ApiError.badParameter(
          "actor.ip must be an IPv4 or IPv6 address or CIDR range but was '" + ip + "'");
    }
    zoneName = first(params, "zone.name");
    since = bound(params, "since");
    before = bound(params, "before");
    hideUserLogs = bool(params, "hide_user_logs");
    export = bool(params, "export");
    String direction = first(params, "direction");
    if (direction != null && !direction.equals("asc") && !direction.equals("desc")) {
      throw ApiError.badParameter("direction must be 'asc' or 'desc' but was '" + direction + "'");
    }
    ascending = "asc".equals(direction);
    BigDecimal pp = number(params, "per_page", DEFAULT_PER_PAGE);
    if (pp.compareTo(BigDecimal.ONE) < 0 || pp.compareTo(BigDecimal.valueOf(MAX_PER_PAGE)) > 0) {
      throw ApiError.badParameter(
          "per_page must be between 1 and "
              + MAX_PER_PAGE
              + " but was "
              + first(params, "per_page"));
    }
    perPage = pp.intValueExact();
    BigDecimal p = number(params, "page", 1);
    if (p.compareTo(BigDecimal.ONE) < 0) {
      throw ApiError.badParameter("page must be 1 or more but was " + first(params, "page"));
    }
    page = p.min(MAX_PAGE).longValueExact();
  }

  /**
   * Validates the decoded query parameters.
   *
   * @throws ApiError a 400 naming the first invalid parameter
   */
  static LogQuery parse(Map<String, List<String>> params) {
    return new LogQuery(params);
  }

  /** Whether a record passes every filter (pagination aside). */
  boolean matches(EmulatedLog log) {
    if (id != null && !id.equals(log.id().orElse(null))) {
      return false;
    }
    if (actionType != null && !actionType.equals(log.actionType)) {
      return false;
    }
    if (actorEmail != null
        && (log.actorEmail == null || !actorEmail.equalsIgnoreCase(log.actorEmail))) {
      return false;
    }
    if (actorIp != null && !actorIp.contains(log.actorIp)) {
      return false;
    }
    if (zoneName != null && (log.zoneName == null || !zoneName.equalsIgnoreCase(log.zoneName))) {
      return false;
    }
    if (since != null && log.when().isBefore(since)) {
      return false;
    }
    if (before != null && !log.when().isBefore(before)) {
      return false;
    }
    return !(hideUserLogs && "user".equals(log.actorType));
  }

  static boolean isEmail(String text) {
    return text.length() <= 254
        && EMAIL.matcher(text).matches()
        && !text.startsWith(".")
        && !text.contains("..")
        && !text.contains(".@");
  }

  private static @Nullable String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static @Nullable Instant bound(Map<String, List<String>> params, String name) {
    String text = first(params, name);
    if (text == null) {
      return null;
    }
    try {
      return Times.parseBound(text);
    } catch (DateTimeException e) {
      throw ApiError.badParameter(
          name
              + " must be an RFC 3339 full-date (2019-04-30) or date-time (2019-04-30T01:12:20Z) but was '"
              + text
              + "'");
    }
  }

  private static boolean bool(Map<String, List<String>> params, String name) {
    String text = first(params, name);
    if (text == null) {
      return false;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw ApiError.badParameter(name + " must be true or false but was '" + text + "'");
    }
  }

  private static BigDecimal number(Map<String, List<String>> params, String name, int fallback) {
    String text = first(params, name);
    if (text == null) {
      return BigDecimal.valueOf(fallback);
    }
    if (NUMBER.matcher(text).matches()) {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
        return value;
      }
    }
    throw ApiError.badParameter(name + " must be a whole number but was '" + text + "'");
  }
}
