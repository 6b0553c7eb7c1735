package dev.cfauditlogs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The API answered, and the answer was a failure: an HTTP status other than 2xx, or a 2xx whose
 * body is not the page the spec describes. Carries what the response said: its {@linkplain
 * #statusCode() status}, Cloudflare's {@linkplain #errors() errors} and its {@linkplain #cfRay()
 * cf-ray}. The subclass says which failure; catch this type to handle every failure that came from
 * the service, apart from those where no usable response arrived ({@link ConnectionException},
 * {@link AttemptTimeoutException}, {@link RequestInterruptedException}).
 */
public abstract class HttpResponseException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  // Exceptions are Serializable; the errors are not carried across serialization.
  private final transient @Nullable List<ApiMessage> errors;
  private final @Nullable String cfRay;

  HttpResponseException(
      String message,
      int statusCode,
      List<ApiMessage> errors,
      @Nullable String cfRay,
      @Nullable Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.errors = List.copyOf(errors);
    this.cfRay = cfRay;
  }

  /** The HTTP status of the response, such as 429. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The errors Cloudflare reported in the response body, each with its chained causes ({@link
   * ApiMessage#errorChain()}); empty when there were none. Unmodifiable.
   */
  public List<ApiMessage> errors() {
    return errors == null ? List.of() : errors;
  }

  /**
   * Every error followed by its chained causes, depth first: for Cloudflare's 400 "6003 Invalid
   * request headers" chaining "6103 Invalid format for X-Auth-Key header", both, in that order.
   * Unmodifiable.
   */
  public List<ApiMessage> errorsWithCauses() {
    List<ApiMessage> all = new ArrayList<>();
    for (ApiMessage error : errors()) {
      all.addAll(error.withCauses());
    }
    return List.copyOf(all);
  }

  /**
   * The {@code cf-ray} request id of the response, which Cloudflare support asks for; empty when
   * the response had none.
   */
  public Optional<String> cfRay() {
    return Optional.ofNullable(cfRay);
  }
}
