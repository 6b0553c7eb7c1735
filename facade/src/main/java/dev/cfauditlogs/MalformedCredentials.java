package dev.cfauditlogs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognizes a 400 that is really a credential problem, and says which environment variable to fix.
 *
 * <p>Observed, not documented: Cloudflare answers a credential header it cannot read with HTTP 400,
 * code 6003 "Invalid request headers", chaining a 61xx code that names the header (6103 "Invalid
 * format for X-Auth-Key header" when an API token is given as the Global API key, 6111 "Invalid
 * format for Authorization header"); 9103 "Unknown X-Auth-Key or X-Auth-Email" and 9106 "Missing
 * X-Auth-Key, X-Auth-Email or Authorization headers" come the same way. A code anywhere in the
 * errors or their chains counts; only the HTTP status 400 is refined this way.
 */
final class MalformedCredentials {
  private static final int FIRST_HEADER_CODE = 6100;
  private static final int LAST_HEADER_CODE = 6111;
  private static final List<Integer> OTHER_CODES = List.of(9103, 9106);

  private MalformedCredentials() {}

  /** Whether any error or chained cause carries a code that names a malformed credential. */
  static boolean in(List<ApiMessage> errors) {
    for (ApiMessage error : errors) {
      for (ApiMessage m : error.withCauses()) {
        int code = m.code();
        if ((code >= FIRST_HEADER_CODE && code <= LAST_HEADER_CODE) || OTHER_CODES.contains(code)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What to fix, naming the variables {@link AuditLogsClient#fromEnv()} reads: the one behind the
   * header Cloudflare named, or all of them when it named none or several.
   */
  static String advice(List<ApiMessage> errors) {
    boolean key = false;
    boolean email = false;
    boolean token = false;
    for (ApiMessage error : errors) {
      for (ApiMessage m : error.withCauses()) {
        String text = m.message().toLowerCase(Locale.ROOT);
        key |= text.contains("x-auth-key") || m.code() == 6103;
        email |= text.contains("x-auth-email");
        token |= text.contains("authorization") || m.code() == 6111;
      }
    }
    List<String> named = new ArrayList<>();
    if (key) {
      named.add("key");
    }
    if (email) {
      named.add("email");
    }
    if (token) {
      named.add("token");
    }
    if (named.equals(List.of("key"))) {
      return "Cloudflare could not use CLOUDFLARE_API_KEY as a Global API key; if it holds an API"
          + " token, put the token in CLOUDFLARE_API_TOKEN instead (and unset CLOUDFLARE_EMAIL"
          + " and CLOUDFLARE_API_KEY).";
    }
    if (named.equals(List.of("email"))) {
      return "Cloudflare could not use CLOUDFLARE_EMAIL: it must be the email address of the"
          + " account whose Global API key is in CLOUDFLARE_API_KEY.";
    }
    if (named.equals(List.of("token"))) {
      return "Cloudflare could not use CLOUDFLARE_API_TOKEN as an API token; if it holds the"
          + " Global API key, put it in CLOUDFLARE_API_KEY with the account email in"
          + " CLOUDFLARE_EMAIL instead.";
    }
    return "The credentials are missing or malformed: put an API token in CLOUDFLARE_API_TOKEN, or"
        + " the Global API key in CLOUDFLARE_API_KEY with the account email in CLOUDFLARE_EMAIL.";
  }
}
