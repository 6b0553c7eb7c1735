package dev.cfauditlogs;

import java.util.List;
import okhttp3.Request;

/**
 * The one authentication scheme a client uses: an API token, or an email plus a Global API key.
 * Only that scheme's headers are ever sent. {@link #toString()} names the scheme, never a value.
 */
abstract sealed class Credentials {
  static final String TOKEN_ENV = "CLOUDFLARE_API_TOKEN";
  static final String EMAIL_ENV = "CLOUDFLARE_EMAIL";
  static final String KEY_ENV = "CLOUDFLARE_API_KEY";

  /**
   * The names of the three settings of one source: environment variables, or the builder's methods
   * (messages show those as {@code apiKey(...)}).
   */
  record Names(String token, String email, String key, boolean methods) {
    static final Names ENVIRONMENT = new Names(TOKEN_ENV, EMAIL_ENV, KEY_ENV, false);
    static final Names BUILDER = new Names("apiToken", "email", "apiKey", true);

    /** How a message names the setting {@code name}, one of this source's. */
    String shown(String name) {
      return methods ? name + "(...)" : name;
    }
  }

  /** The source's setting names: where a message says to put a token, an email, a key. */
  final Names names;

  private Credentials(Names names) {
    this.names = names;
  }

  abstract void applyTo(Request.Builder request);

  /** The secret values, so that anything a server echoes back can be scrubbed of them. */
  abstract List<String> secrets();

  /**
   * What was sent and where it came from, for messages: e.g. {@code "the API token in
   * CLOUDFLARE_API_TOKEN (as Authorization: Bearer)"}. Never a value.
   */
  abstract String sent();

  static Credentials token(Names names, String token) {
    return new ApiToken(names, checked(names.token(), token));
  }

  static Credentials emailAndKey(Names names, String email, String key) {
    return new EmailAndKey(names, checked(names.email(), email), checked(names.key(), key));
  }

  /**
   * Refuses empty values and values with whitespace or control characters, naming the setting only.
   */
  private static String checked(String setting, String value) {
    if (value.isEmpty()) {
      throw new InvalidRequestException(setting, setting + " is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw new InvalidRequestException(
            setting,
            setting
                + " contains whitespace or a control character at position "
                + (i + 1)
                + " of "
                + value.length()
                + "; copy the value again without spaces or line breaks");
      }
      if (c > 0x7e) {
        throw new InvalidRequestException(
            setting,
            setting
                + " contains a non-ASCII character at position "
                + (i + 1)
                + " of "
                + value.length());
      }
    }
    return value;
  }

  static final class ApiToken extends Credentials {
    private final String token;

    private ApiToken(Names names, String token) {
      super(names);
      this.token = token;
    }

    @Override
    void applyTo(Request.Builder request) {
      request.header("Authorization", "Bearer " + token);
    }

    @Override
    List<String> secrets() {
      return List.of(token);
    }

    @Override
    String sent() {
      return "the API token in " + names.shown(names.token()) + " (as Authorization: Bearer)";
    }

    @Override
    public String toString() {
      return "API token";
    }
  }

  static final class EmailAndKey extends Credentials {
    private final String email;
    private final String key;

    private EmailAndKey(Names names, String email, String key) {
      super(names);
      this.email = email;
      this.key = key;
    }

    @Override
    void applyTo(Request.Builder request) {
      request.header("X-Auth-Email", email);
      request.header("X-Auth-Key", key);
    }

    @Override
    List<String> secrets() {
      return List.of(email, key);
    }

    @Override
    String sent() {
      return "the email in "
          + names.shown(names.email())
          + " and the Global API key in "
          + names.shown(names.key())
          + " (as X-Auth-Email and X-Auth-Key)";
    }

    @Override
    public String toString() {
      return "email and Global API key";
    }
  }
}
