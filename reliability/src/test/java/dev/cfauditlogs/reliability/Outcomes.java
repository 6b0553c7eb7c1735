package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.AuditLogsException;
import dev.cfauditlogs.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rule every fuzz try checks: a call returns, within a time bound, either a result or one of
 * the library's own {@link AuditLogsException}s, whose message and {@code toString()} hold no
 * credential. Anything else (a NullPointerException, IllegalStateException, a Moshi or OkHttp
 * exception, an Error, a hang) fails the try.
 */
final class Outcomes {
  private Outcomes() {}

  /** The result, or empty when the call ended with an {@link AuditLogsException}. */
  static <T> Optional<T> typed(Duration bound, Supplier<T> call) {
    try {
      return Optional.of(assertTimeoutPreemptively(bound, call::get));
    } catch (AuditLogsException e) {
      checkClean(e);
      return Optional.empty();
    }
  }

  static void checkClean(AuditLogsException e) {
    Secrets.assertAbsent("an exception message", String.valueOf(e.getMessage()));
    Secrets.assertAbsent("an exception's toString()", e.toString());
    if (e instanceof HttpResponseException response) {
      Secrets.assertAbsent("an exception's errors", response.errors().toString());
      response.cfRay().ifPresent(ray -> Secrets.assertAbsent("an exception's cf-ray", ray));
    }
  }

  /** What a logger or {@code --verbose} prints: the stack trace with every cause. */
  static void checkStackTrace(AuditLogsException e) {
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    Secrets.assertAbsent("a stack trace (causes included)", trace.toString());
  }

  /** What a text is after going over the wire: UTF-8, with lone surrogates replaced. */
  static String asSent(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  /** Every record's text is one JSON object cut exactly from the body. */
  static void checkPage(AuditLogPage page, String body) {
    String sent = asSent(body);
    for (AuditLog log : page.records()) {
      String json = log.json();
      assertTrue(json.startsWith("{") && json.endsWith("}"), json);
      assertTrue(sent.contains(json), "record text is a slice of the body: " + json);
      log.mismatches(); // the typed view of any record that was delivered reads without failing
    }
  }
}
