package dev.cfauditlogs.testkit;

/**
 * A failure the emulator can inject instead of answering a request (see {@link
 * AuditLogEmulator.Builder#faults(double, java.util.Set, long)}). A faulted request changes
 * nothing: it uses no rate limit and serves no records.
 */
public enum FaultKind {
  /**
   * HTTP 429 with {@code retry-after} (see {@link
   * AuditLogEmulator.Builder#faultRetryAfter(java.time.Duration)}) and a Cloudflare error body with
   * code 1015, as if the rate limit had been hit.
   */
  RATE_LIMITED,

  /** HTTP 500 with a Cloudflare error body, code 10002. */
  SERVER_ERROR,

  /** HTTP 502 with an HTML body, as a proxy in front of the API sends it. */
  BAD_GATEWAY_HTML,

  /** The connection is dropped after the request is read, before any byte of a response. */
  CONNECTION_RESET,

  /**
   * HTTP 200 whose headers promise the whole page ({@code Content-Length}) but whose body stops
   * partway, then the connection closes.
   */
  TRUNCATED_BODY,

  /**
   * The normal answer, held back for {@link
   * AuditLogEmulator.Builder#slowFaultDelay(java.time.Duration)} (2 s by default), so that a client
   * with a shorter timeout gives up. Like every fault, it does not count against the rate limit.
   */
  SLOW
}
