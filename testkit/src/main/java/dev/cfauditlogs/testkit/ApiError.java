package dev.cfauditlogs.testkit;

/**
 * A Cloudflare-style failure the emulator answers with: an HTTP status and one {@code errors}
 * entry. The codes are listed in the module README.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** 400: a query parameter has an invalid value. */
  static final int INVALID_PARAMETER = 1004;

  /**
   * 401: neither an {@code Authorization} header nor {@code X-Auth-Email} plus {@code X-Auth-Key}.
   */
  static final int MISSING_CREDENTIALS = 9106;

  /** 401: {@code X-Auth-Email}/{@code X-Auth-Key} do not match. */
  static final int UNKNOWN_KEY = 9103;

  /** 401: the {@code Authorization} header is not {@code Bearer <token>}. */
  static final int MALFORMED_AUTHORIZATION = 6111;

  /** 401: the bearer token is not a valid token. */
  static final int INVALID_TOKEN = 10000;

  /** 403: the credentials are valid but may not read audit logs. */
  static final int FORBIDDEN = 9109;

  /** 404: no such endpoint. */
  static final int NO_ROUTE = 7003;

  /** 405: the endpoint exists but not for this method. */
  static final int METHOD_NOT_ALLOWED = 7001;

  /**
   * 429: the rate limit was exceeded. Cloudflare's API is reported to send 971 here, which the
   * spec's {@code minimum: 1000} for codes forbids; the emulator stays within the spec with 1015,
   * Cloudflare's rate-limit error.
   */
  static final int RATE_LIMITED = 1015;

  /** 500: an (injected) internal error. */
  static final int INTERNAL = 10002;

  private final int status;
  private final int code;

  ApiError(int status, int code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiError badParameter(String message) {
    return new ApiError(400, INVALID_PARAMETER, message);
  }

  int status() {
    return status;
  }

  int code() {
    return code;
  }
}
