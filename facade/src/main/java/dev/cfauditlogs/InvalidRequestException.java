package dev.cfauditlogs;

/**
 * Input was refused on the client, before any request was sent: a bad query value, a bad base URL,
 * or missing or malformed credentials. {@link #parameter()} names what was wrong; the message names
 * the bad value, except for credentials, whose values are never shown.
 */
public final class InvalidRequestException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  InvalidRequestException(String parameter, String message) {
    super(message, null);
    this.parameter = parameter;
  }

  /** The parameter, setting or environment variable that was refused, such as {@code since}. */
  public String parameter() {
    return parameter;
  }
}
