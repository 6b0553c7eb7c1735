package dev.cfauditlogs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognizes a 400 that is really a credential problem, and says which setting to fix (the
 * environment variable or builder method the credentials came from).
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
   * What to fix, in the words of the credentials that were sent: the setting behind the header
   * Cloudflare named; a header named that was not sent (a proxy in between, or not Cloudflare);
   * every setting when Cloudflare named none or several.
   */
  static String advice(List<ApiMessage> errors, Credentials sent) {
    boolean keyNamed = false;
    boolean emailNamed = false;
    boolean tokenNamed = false;
    for (ApiMessage error : errors) {
      for (ApiMessage m : error.withCauses()) {
        String text = m.message().toLowerCase(Locale.ROOT);
        keyNamed |= text.contains("x-auth-key") || m.code() == 6103;
        emailNamed |= text.contains("x-auth-email");
        tokenNamed |= text.contains("authorization") || m.code() == 6111;
      }
    }
    Credentials.Names n = sent.names;
    String token = n.shown(n.token());
    String email = n.shown(n.email());
    String key = n.shown(n.key());
    boolean tokenSent = sent instanceof Credentials.ApiToken;
    List<String> namedNotSent = new ArrayList<>();
    if (tokenNamed && !tokenSent) {
      namedNotSent.add("Authorization");
    }
    if (keyNamed && tokenSent) {
      namedNotSent.add("X-Auth-Key");
    }
    if (emailNamed && tokenSent) {
      namedNotSent.add("X-Auth-Email");
    }
    int namedSent = tokenSent ? (tokenNamed ? 1 : 0) : (keyNamed ? 1 : 0) + (emailNamed ? 1 : 0);
    if (namedSent == 0 && !namedNotSent.isEmpty()) {
      return "Cloudflare named the "
          + String.join(" and ", namedNotSent)
          + (namedNotSent.size() == 1 ? " header, which was" : " headers, which were")
          + " not sent: this client sent "
          + sent.sent()
          + ". Check that the base URL is Cloudflare's API and that nothing in between changes"
          + " the request's headers.";
    }
    if (namedSent == 1 && namedNotSent.isEmpty()) {
      if (tokenNamed) {
        return "Cloudflare could not use "
            + token
            + " as an API token; if it holds the Global API key, put it in "
            + key
            + " with the account email in "
            + email
            + " instead.";
      }
      if (keyNamed) {
        return "Cloudflare could not use "
            + key
            + " as a Global API key; if it holds an API token, put the token in "
            + token
            + " instead (and unset "
            + email
            + " and "
            + key
            + ").";
      }
      return "Cloudflare could not use "
          + email
          + ": it must be the email address of the account whose Global API key is in "
          + key
          + ".";
    }
    return "The credentials are missing or malformed (this client sent "
        + sent.sent()
        + "): put an API token in "
        + token
        + ", or the Global API key in "
        + key
        + " with the account email in "
        + email
        + ".";
  }
}
