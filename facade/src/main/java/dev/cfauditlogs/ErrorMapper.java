package dev.cfauditlogs;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Turns a non-2xx response into the matching {@link AuditLogsException}, with a message that says
 * what to do. The HTTP status decides the class; Cloudflare's codes only refine a 400 whose codes
 * name a malformed credential ({@link MalformedCredentials}) into an {@link
 * AuthenticationException}.
 */
final class ErrorMapper {
  private ErrorMapper() {}

  static boolean isRetryable(int status) {
    return status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
  }

  static AuditLogsException toException(
      int status,
      ErrorBody body,
      @Nullable String cfRay,
      @Nullable RetryAfter asked,
      String hint,
      @Nullable String refusedParameter,
      Credentials sent) {
    String detail = body.summary().isEmpty() ? "" : ": " + body.summary();
    String ray = cfRay == null ? "" : " (cf-ray " + Texts.shorten(cfRay, 64) + ")";
    String head = "HTTP " + status + detail + ray + ". ";
    boolean waitAsked = asked != null && !asked.duration().isZero();
    String askedToWait = waitAsked ? " It asked to wait " + asked.text() + "." : "";
    Duration retryAfter = asked == null ? null : asked.duration();
    return switch (status) {
      case 400 -> {
        if (MalformedCredentials.in(body.errors())) {
          yield new AuthenticationException(
              head + MalformedCredentials.advice(body.errors(), sent),
              status,
              body.errors(),
              cfRay);
        }
        yield new BadRequestException(
            head
                + (refusedParameter != null
                    ? "Cloudflare refused the query parameter " + refusedParameter + "."
                    : body.errors().isEmpty()
                        ? "Cloudflare refused the request without saying why."
                        : "Cloudflare refused the request for the reason above."),
            status,
            body.errors(),
            cfRay);
      }
      case 401 ->
          new AuthenticationException(head + notAccepted(sent), status, body.errors(), cfRay);
      case 403 ->
          new PermissionDeniedException(
              head
                  + (body.errors().isEmpty() && !body.excerpt().isEmpty()
                      ? "This is not the API's answer (no JSON errors): something in front of it,"
                          + " such as a firewall rule (\"you have been blocked\"), refused the"
                          + " request before the credentials were checked. Check the base URL and"
                          + " the network the request leaves from."
                      : "The credentials lack a permission: an API token needs \"Account Settings"
                          + " Read\"."),
              status,
              body.errors(),
              cfRay);
      case 404 ->
          new NotFoundException(
              head + "Check the base URL (it should end in /client/v4).",
              status,
              body.errors(),
              cfRay);
      case 429 ->
          new RateLimitedException(
              head
                  + (waitAsked
                      ? "Rate limited; wait " + asked.text() + " before trying again."
                      : "Rate limited; wait a few minutes before trying again.")
                  + hint,
              status,
              body.errors(),
              cfRay,
              retryAfter);
      default -> {
        if (status >= 500 && status <= 599) {
          yield new ServerException(
              head
                  + (waitAsked
                      ? "Cloudflare had a server error and asked to wait "
                          + asked.text()
                          + " before trying again."
                      : "Cloudflare had a server error; try again later.")
                  + hint,
              status,
              body.errors(),
              cfRay,
              retryAfter);
        }
        yield new UnexpectedStatusException(
            head + "This status is not expected from this endpoint." + askedToWait + hint,
            status,
            body.errors(),
            cfRay,
            retryAfter);
      }
    };
  }

  /** The 401's advice, naming the settings the credentials that were sent came from. */
  private static String notAccepted(Credentials sent) {
    Credentials.Names n = sent.names;
    String token = n.shown(n.token());
    String email = n.shown(n.email());
    String key = n.shown(n.key());
    return "The credentials were not accepted ("
        + sent.sent()
        + "): "
        + (sent instanceof Credentials.ApiToken
            ? "check that "
                + token
                + " holds a current API token, or use "
                + email
                + " with the Global API key in "
                + key
                + " instead."
            : "check " + email + " and " + key + ", or put an API token in " + token + " instead.");
  }
}
