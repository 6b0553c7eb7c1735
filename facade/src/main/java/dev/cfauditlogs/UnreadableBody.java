package dev.cfauditlogs;

import java.util.List;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * The message for a 2xx body that cannot be read as a page, in our words only: what arrived (the
 * status, the {@code Content-Type}, the first bytes with secrets scrubbed, control and format
 * characters escaped, and at most {@value #EXCERPT_CHARS} characters), what was expected, and what
 * to do. A JSON parser's own message is never passed on: it can quote the body (and so anything a
 * server echoes) and gives advice meant for the parser's programmers, not for our users.
 */
final class UnreadableBody {
  /**
   * How many bytes of the body are scrubbed of secrets for the excerpt: far more than it shows, so
   * a secret that begins within the excerpt is replaced whole before the excerpt is cut.
   */
  static final int EXCERPT_BYTES = 4096;

  /** How many characters of the excerpt a message shows at the most. */
  static final int EXCERPT_CHARS = 120;

  private static final String EXPECTED =
      "expected Cloudflare's JSON envelope (an object with a \"result\" array)";

  private static final String ADVICE =
      " Check that the base URL points at Cloudflare's API (https://api.cloudflare.com/client/v4)"
          + " and that no proxy answers in its place; if it persists, report it with the cf-ray.";

  private final Redactor redactor;

  UnreadableBody(Redactor redactor) {
    this.redactor = redactor;
  }

  /**
   * The exception for a body that is not a page.
   *
   * @param problem what is wrong with the body, in our words, such as {@code "is not valid JSON"}
   * @param head the body's first bytes (at most {@value #EXCERPT_BYTES} are used)
   */
  UnexpectedResponseException exception(
      String problem,
      int status,
      @Nullable String contentType,
      @Nullable String cfRay,
      ByteString head) {
    StringBuilder s = new StringBuilder(300);
    s.append("Unexpected response (HTTP ").append(status).append(", ");
    if (contentType == null || contentType.isBlank()) {
      s.append("no Content-Type");
    } else {
      s.append("Content-Type ").append(Texts.shorten(redactor.scrub(contentType.strip()), 80));
    }
    if (cfRay != null) {
      s.append(", cf-ray ").append(Texts.shorten(cfRay, 64));
    }
    s.append("): ").append(EXPECTED).append(", but the body ").append(problem);
    if (head.size() == 0) {
      s.append('.');
    } else {
      String text = head.substring(0, Math.min(head.size(), EXCERPT_BYTES)).utf8();
      s.append("; it begins \"")
          .append(Texts.shorten(redactor.scrub(text), EXCERPT_CHARS))
          .append("\".");
    }
    s.append(ADVICE);
    // the whole message is scrubbed: the parser's position names keys the server chose, and a
    // server echoing credentials can choose them to be a credential
    return new UnexpectedResponseException(
        redactor.scrub(s.toString()), status, List.of(), cfRay, null);
  }
}
