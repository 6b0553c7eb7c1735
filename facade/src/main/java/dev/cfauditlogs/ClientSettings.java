package dev.cfauditlogs;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one {@link AuditLogsClient}, as given to its {@link AuditLogsClient.Builder}: an
 * immutable value, checked when made (a bad value is refused naming the setting). Credentials and
 * the base URL are kept as given and resolved against the environment by {@link #credentials()} and
 * {@link #resolvedBaseUrl()}. {@code toString()} never shows a credential.
 *
 * @param environment the variables {@link AuditLogsClient.Builder#fromEnv()} read, or null when the
 *     environment is not consulted
 * @param rateLimitRequests 0 turns client-side pacing off
 * @param concurrency the requests an iteration keeps in flight, {@link
 *     AuditLogPager#withConcurrency}
 * @param okHttpClient a caller's client to derive ours from (never closed), or null for our own
 */
record ClientSettings(
    @Nullable String apiToken,
    @Nullable String email,
    @Nullable String apiKey,
    @Nullable String baseUrl,
    @Nullable Map<String, String> environment,
    boolean allowInsecureHttp,
    Duration timeout,
    int maxRetries,
    Duration maxRetryWait,
    int rateLimitRequests,
    Duration rateLimitWindow,
    int concurrency,
    @Nullable OkHttpClient okHttpClient,
    Clock clock,
    Sleeper sleeper,
    DoubleSupplier random,
    Consumer<? super ClockSkew> clockSkewListener) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  static final int DEFAULT_MAX_RETRIES = 2;
  static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(60);
  static final int DEFAULT_RATE_LIMIT_REQUESTS = 1200;
  static final Duration DEFAULT_RATE_LIMIT_WINDOW = Duration.ofMinutes(5);

  /**
   * @throws InvalidRequestException naming the first bad setting
   */
  ClientSettings {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidRequestException("timeout", "timeout must be positive but was " + timeout);
    }
    if (maxRetries < 0 || maxRetries > 10) {
      throw new InvalidRequestException(
          "maxRetries", "maxRetries must be between 0 and 10 but was " + maxRetries);
    }
    if (maxRetryWait.isNegative()) {
      throw new InvalidRequestException(
          "maxRetryWait", "maxRetryWait must not be negative but was " + maxRetryWait);
    }
    if (rateLimitRequests < 0
        || rateLimitRequests > 100_000
        || (rateLimitRequests > 0 && (rateLimitWindow.isNegative() || rateLimitWindow.isZero()))) {
      throw new InvalidRequestException(
          "rateLimit",
          "rateLimit must be 0 (off) or 1 to 100000 requests per positive window but was "
              + rateLimitRequests
              + " per "
              + rateLimitWindow);
    }
    if (concurrency < 1 || concurrency > AuditLogPager.MAX_CONCURRENCY) {
      throw new InvalidRequestException(
          "concurrency",
          "concurrency must be between 1 and "
              + AuditLogPager.MAX_CONCURRENCY
              + " but was "
              + concurrency);
    }
  }

  /**
   * The credentials to send: the builder's as a whole if any is set, else the environment's.
   *
   * @throws InvalidRequestException naming what is missing or malformed, never a value
   */
  Credentials credentials() {
    return CredentialSources.resolve(apiToken, email, apiKey, environment);
  }

  /**
   * The base URL: the builder's, else {@code CLOUDFLARE_BASE_URL}, else Cloudflare's.
   *
   * @throws InvalidRequestException naming the setting or variable the bad URL came from
   */
  HttpUrl resolvedBaseUrl() {
    if (baseUrl != null) {
      return BaseUrl.parse("baseUrl", baseUrl, allowInsecureHttp);
    }
    String fromEnv = environment == null ? null : environment.get("CLOUDFLARE_BASE_URL");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return BaseUrl.parse("CLOUDFLARE_BASE_URL", fromEnv, allowInsecureHttp);
    }
    return BaseUrl.parse("baseUrl", BaseUrl.DEFAULT, false);
  }

  /** The settings, with credentials shown only as set or not. */
  @Override
  public String toString() {
    return describe(
        "ClientSettings", apiToken, email, apiKey, baseUrl, environment, timeout, maxRetries);
  }

  /**
   * The one description of settings, for these and for a builder that holds them: credentials only
   * as set or unset, never a value.
   */
  static String describe(
      String type,
      @Nullable String apiToken,
      @Nullable String email,
      @Nullable String apiKey,
      @Nullable String baseUrl,
      @Nullable Map<String, String> environment,
      Duration timeout,
      int maxRetries) {
    return type
        + "{apiToken="
        + (apiToken == null ? "unset" : "set")
        + ", email="
        + (email == null ? "unset" : "set")
        + ", apiKey="
        + (apiKey == null ? "unset" : "set")
        + ", baseUrl="
        + baseUrl
        + ", fromEnv="
        + (environment != null)
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + '}';
  }
}
