package dev.cfauditlogs.testkit;

import dev.cfauditlogs.AuditLogScope;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Computes the answer to every request: an injected fault, or the endpoint's behaviour in this
 * order — route (404; 400 for a malformed account id; 405), credentials (401, 403), rate limit
 * (429), access to the account (403), parameters (400), then the page or the CSV export.
 *
 * <p>Two routes: {@code /client/v4/user/audit_logs} and {@code
 * /client/v4/accounts/{account_id}/audit_logs}. An account id that is not 32 lowercase hex
 * characters answers 400 with code 7003 "Could not route to ..., perhaps your object identifier is
 * invalid?" (observed: Cloudflare's router refuses a malformed identifier so, before looking at the
 * credentials). A well-formed id the credentials may not read — one {@linkplain
 * AuditLogEmulator.Builder#deniedAccounts denied}, or one the emulator does not hold — answers 403
 * with code 9109 "Unauthorized to access requested resource": Cloudflare does not tell credentials
 * whether an account they cannot see exists, so both look the same (observed). Both count against
 * the rate limit, as every request does.
 */
final class EmulatorDispatcher extends Dispatcher {
  static final String PATH = "/client/v4/user/audit_logs";

  /** The account route, with the raw (still percent-encoded) id segment as group 1. */
  private static final Pattern ACCOUNT_PATH =
      Pattern.compile("/client/v4/accounts/([^/]*)/audit_logs");

  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-f]{32}");

  private final ScopedLogs logs;
  private final Credentials credentials;
  private final RateLimiter rateLimiter;
  private final RequestLog requestLog;
  private final FaultPlan faults;
  private final Clock clock;
  private final NoDelayServerSocketFactory sockets;
  private final boolean resultInfo;
  private final PaginationMode pagination;
  private final Duration latency;
  private final Duration slowFaultDelay;
  private final Duration faultRetryAfter;
  private final Runnable afterRecording;

  EmulatorDispatcher(
      EmulatorConfig config,
      NoDelayServerSocketFactory sockets,
      ScopedLogs logs,
      Credentials credentials,
      RateLimiter rateLimiter,
      RequestLog requestLog,
      Runnable afterRecording) {
    this.logs = logs;
    this.credentials = credentials;
    this.rateLimiter = rateLimiter;
    this.requestLog = requestLog;
    this.faults =
        new FaultPlan(
            config.faultRate,
            config.faultKinds,
            config.faultSeed,
            config.failFirstCount,
            config.failFirstKind);
    this.clock = config.serverClock;
    this.sockets = sockets;
    this.resultInfo = config.resultInfo;
    this.pagination = config.pagination;
    this.latency = config.latency;
    this.slowFaultDelay = config.slowFaultDelay;
    this.faultRetryAfter = config.faultRetryAfter;
    this.afterRecording = afterRecording;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String cfRay = String.format("%016x-EMU", ThreadLocalRandom.current().nextLong());
    HttpUrl url = request.getUrl();
    Map<String, List<String>> query = decodeQuery(url.encodedQuery());
    FaultKind fault = faults.next(request.getMethod(), decodePath(url), query, url.encodedQuery());
    MockResponse response =
        fault == null ? answer(request, query, cfRay, true) : fault(fault, request, query, cfRay);
    if (fault != FaultKind.TRUNCATED_BODY) {
      // A body cut off on the way stays uncompressed: its Content-Length then shows what was
      // promised, whatever the client decodes.
      response = ContentCoding.apply(request.getHeaders().get("Accept-Encoding"), response);
    }
    int status = fault == FaultKind.CONNECTION_RESET ? 0 : response.getCode();
    requestLog.add(
        new ReceivedRequest(
            clock.instant(),
            request.getMethod(),
            url.encodedPath().isEmpty() ? "/" : decodePath(url),
            query == null ? Map.of() : query,
            request.getHeaders(),
            status,
            fault,
            status == 0 ? null : cfRay));
    afterRecording.run();
    return response;
  }

  private MockResponse fault(
      FaultKind fault,
      RecordedRequest request,
      @Nullable Map<String, List<String>> query,
      String cfRay) {
    switch (fault) {
      case RATE_LIMITED:
        return base(429, cfRay, latency)
            .setHeader("Content-Type", "application/json")
            .setHeader("retry-after", String.valueOf(ceilSeconds(faultRetryAfter)))
            .body(Bodies.error(ApiError.RATE_LIMITED, rateLimitMessage()))
            .build();
      case SERVER_ERROR:
        return base(500, cfRay, latency)
            .setHeader("Content-Type", "application/json")
            .body(Bodies.error(ApiError.INTERNAL, "An unknown error has occurred"))
            .build();
      case BAD_GATEWAY_HTML:
        return base(502, cfRay, latency)
            .setHeader("Content-Type", "text/html")
            .body(Bodies.BAD_GATEWAY_HTML)
            .build();
      case CONNECTION_RESET:
        sockets.resetOnClose(request.getConnectionIndex());
        return new MockResponse.Builder()
            .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
            .build();
      case TRUNCATED_BODY:
        return answer(request, query, cfRay, false)
            .newBuilder()
            .onResponseBody(new SocketEffect.CloseSocket(true, false, false))
            .build();
      case SLOW:
      default:
        return answer(request, query, cfRay, false)
            .newBuilder()
            .headersDelay(slowFaultDelay.toMillis(), TimeUnit.MILLISECONDS)
            .build();
    }
  }

  /**
   * The endpoint's real answer; with {@code countRequest} false it uses no rate limit (faults
   * change nothing).
   */
  private MockResponse answer(
      RecordedRequest request,
      @Nullable Map<String, List<String>> query,
      String cfRay,
      boolean countRequest) {
    try {
      AuditLogScope scope = route(request.getUrl());
      if (!"GET".equals(request.getMethod())) {
        throw new ApiError(405, ApiError.METHOD_NOT_ALLOWED, "Method not allowed");
      }
      credentials.check(request.getHeaders());
      if (countRequest) {
        long wait = rateLimiter.acquire();
        if (wait > 0) {
          return base(429, cfRay, latency)
              .setHeader("Content-Type", "application/json")
              .setHeader("retry-after", String.valueOf(wait))
              .body(Bodies.error(ApiError.RATE_LIMITED, rateLimitMessage()))
              .build();
        }
      }
      if (!logs.readable(scope)) {
        throw new ApiError(403, ApiError.FORBIDDEN, "Unauthorized to access requested resource");
      }
      if (query == null) {
        throw ApiError.badParameter("the query string is not valid percent-encoded UTF-8");
      }
      LogQuery parsed = LogQuery.parse(query);
      List<EmulatedLog> matching = logs.get(scope).store().select(parsed);
      if (parsed.export) {
        return base(200, cfRay, latency)
            .setHeader("Content-Type", "text/csv; charset=utf-8")
            .setHeader("Content-Disposition", "attachment; filename=\"audit_logs.csv\"")
            .body(Bodies.csv(matching))
            .build();
      }
      PageSlice slice = PageSlice.of(matching, parsed.page, parsed.perPage, pagination);
      return base(200, cfRay, latency)
          .setHeader("Content-Type", "application/json")
          .body(Bodies.page(slice.items, resultInfo ? slice : null))
          .build();
    } catch (ApiError e) {
      return base(e.status(), cfRay, latency)
          .setHeader("Content-Type", "application/json")
          .body(Bodies.error(e.code(), e.getMessage()))
          .build();
    }
  }

  /**
   * The scope a request's path names.
   *
   * @throws ApiError 404 for any other path, 400 (code 7003) for a malformed account id
   */
  private static AuditLogScope route(HttpUrl url) {
    String path = url.encodedPath();
    if (PATH.equals(path)) {
      return AuditLogScope.user();
    }
    Matcher account = ACCOUNT_PATH.matcher(path);
    if (account.matches()) {
      String id = account.group(1);
      if (!ACCOUNT_ID.matcher(id).matches()) {
        throw new ApiError(
            400,
            ApiError.NO_ROUTE,
            "Could not route to "
                + decodePath(url)
                + ", perhaps your object identifier is invalid?");
      }
      return AuditLogScope.account(id);
    }
    throw new ApiError(404, ApiError.NO_ROUTE, "No route for the URI");
  }

  private static String rateLimitMessage() {
    return "Please wait and consider throttling your request speed";
  }

  /** Status, {@code cf-ray}, rate-limit headers and latency: what every response carries. */
  private MockResponse.Builder base(int status, String cfRay, Duration delay) {
    MockResponse.Builder b =
        new MockResponse.Builder()
            .code(status)
            .setHeader("cf-ray", cfRay)
            .setHeader("Server", "cloudflare")
            .setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now()))
            .setHeader("Ratelimit", rateLimiter.header())
            .setHeader("Ratelimit-Policy", rateLimiter.policy());
    if (!delay.isZero()) {
      b.headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
    }
    return b;
  }

  private ZonedDateTime now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
  }

  private static long ceilSeconds(Duration d) {
    return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
  }

  /**
   * Query parameters decoded as a web form is: {@code %XX} escapes as UTF-8 and {@code +} as a
   * space. Null when the query is not valid percent-encoding.
   */
  static @Nullable Map<String, List<String>> decodeQuery(@Nullable String encodedQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (encodedQuery == null || encodedQuery.isEmpty()) {
      return out;
    }
    try {
      for (String pair : encodedQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    out.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(out);
  }

  private static String decodePath(HttpUrl url) {
    return "/" + String.join("/", url.pathSegments());
  }
}
