package dev.cfauditlogs.spec;

/**
 * A problem with the input or the arguments that the maintainer can fix: an unreadable document, a
 * missing operation, an unsupported reference. The message is one line that says what and where.
 */
final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SpecException(String message) {
    super(message);
  }

  SpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
