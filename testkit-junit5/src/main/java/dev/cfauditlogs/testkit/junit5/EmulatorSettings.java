package dev.cfauditlogs.testkit.junit5;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.FaultKind;
import dev.cfauditlogs.testkit.PaginationMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How {@link AuditLogEmulatorExtension} configures the emulator it injects. On a test method it
 * wins over one on the class (or an enclosing class); without any, every default applies. Every
 * attribute mirrors a knob of {@link AuditLogEmulator.Builder}.
 *
 * <pre>{@code
 * @ExtendWith(AuditLogEmulatorExtension.class)
 * @EmulatorSettings(records = 500, seed = 7, resultInfo = false)
 * class MyExporterTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface EmulatorSettings {
  /** How many synthetic records to serve. */
  int records() default 250;

  /** The seed of the synthetic records. */
  long seed() default 42;

  /** The first instant of the synthetic records (RFC 3339). */
  String from() default "2025-12-01T00:00:00Z";

  /** The instant the synthetic records end before (RFC 3339). */
  String to() default "2026-01-01T00:00:00Z";

  /** Whether pages carry {@code result_info}. */
  boolean resultInfo() default true;

  /** How pages are served. */
  PaginationMode pagination() default PaginationMode.NORMAL;

  /** Requests allowed per {@link #rateLimitWindowSeconds()} before 429. */
  int rateLimitRequests() default 1200;

  /** The rate-limit window in seconds. */
  int rateLimitWindowSeconds() default 300;

  /** A delay added before every response, in milliseconds. */
  long latencyMillis() default 0;

  /** The probability, 0 to 1, that a request is answered with one of {@link #faults()}. */
  double faultRate() default 0;

  /** The faults to choose from when {@link #faultRate()} is above 0. */
  FaultKind[] faults() default {};

  /**
   * The seed of the fault choices. A fault is drawn from the seed, the request (path and query
   * parameters, so the page) and its attempt, so the same seed faults the same requests whatever
   * the client's concurrency.
   */
  long faultSeed() default 0;

  /**
   * The first this many requests (in arrival order) are answered with {@link #failFirstKind()},
   * whatever {@link #faultRate()}: the simplest retry test. 0 (the default): none.
   */
  int failFirst() default 0;

  /** The fault of the {@link #failFirst()} requests. */
  FaultKind failFirstKind() default FaultKind.SERVER_ERROR;

  /**
   * How long a {@link FaultKind#SLOW} response is held back, in milliseconds; -1 (the default): the
   * builder's default ({@code AuditLogEmulator.Builder#slowFaultDelay}).
   */
  long slowFaultDelayMillis() default -1;

  /**
   * The {@code retry-after} of an injected {@link FaultKind#RATE_LIMITED}, in milliseconds (sent
   * rounded up to seconds); -1 (the default): the builder's default ({@code
   * AuditLogEmulator.Builder#faultRetryAfter}).
   */
  long faultRetryAfterMillis() default -1;

  /** Background appends per second (0: none). */
  double liveAppendsPerSecond() default 0;

  /** Oldest records deleted per second in the background, as retention does (0: none). */
  double retentionPerSecond() default 0;

  /**
   * How far the emulator's clock is ahead of the client's, in seconds (negative: behind): its
   * {@code Date} header and appended records' {@code when}.
   */
  long clockOffsetSeconds() default 0;

  /**
   * Whether the injected client authenticates with email and Global API key instead of the API
   * token.
   */
  boolean apiKeyAuth() default false;

  /** The injected client's {@code maxRetries} (0 to 10); -1 (the default): the client's default. */
  int maxRetries() default -1;

  /**
   * The injected client's {@code maxRetryWait}, in milliseconds; -1 (the default): the client's
   * default.
   */
  long maxRetryWaitMillis() default -1;

  /**
   * Whether the injected client's waits (retry backoff, {@code retry-after}, its rate limit) return
   * at once instead of really waiting. Either way they are recorded by the injectable {@code
   * dev.cfauditlogs.testkit.RecordingSleeper}. Default false: real waits.
   */
  boolean skipSleeps() default false;

  /**
   * Account ids (32 lowercase hex characters each) whose logs the emulator serves at {@code
   * /accounts/{account_id}/audit_logs}, each with its own synthetic records (see {@code
   * AuditLogEmulator.Builder#accounts}). None by default.
   */
  String[] accounts() default {};

  /**
   * Account ids whose logs exist but which the credentials may not read: every request for them
   * answers 403 with code 9109 (see {@code AuditLogEmulator.Builder#deniedAccounts}). None by
   * default.
   */
  String[] deniedAccounts() default {};
}
