package dev.cfauditlogs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Cloudflare answered 400 Bad Request: a parameter was refused. Check the query. */
public final class BadRequestException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  BadRequestException(
      String message, int statusCode, List<ApiMessage> errors, @Nullable String cfRay) {
    super(message, statusCode, errors, cfRay, null);
  }
}
