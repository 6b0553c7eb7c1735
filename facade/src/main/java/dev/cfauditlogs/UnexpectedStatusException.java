package dev.cfauditlogs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Cloudflare answered with an HTTP status this client does not expect. */
public final class UnexpectedStatusException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  UnexpectedStatusException(
      String message, int statusCode, List<ApiMessage> errors, @Nullable String cfRay) {
    super(message, statusCode, errors, cfRay, null);
  }
}
