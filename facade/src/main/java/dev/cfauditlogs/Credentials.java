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

  abstract void applyTo(Request.Builder request);

  /** The secret values, so that anything a server echoes back can be scrubbed of them. */
  abstract List<String> secrets();

  static Credentials token(String setting, String token) {
    return new ApiToken(checked(setting, token));
  }

  static Credentials emailAndKey(String emailSetting, String email, String keySetting, String key) {
    return new EmailAndKey(checked(emailSetting, email), checked(keySetting, key));
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

    private ApiToken(String token) {
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
    public String toString() {
      return "API token";
    }
  }

  static final class EmailAndKey extends Credentials {
    private final String email;
    private final String key;

    private EmailAndKey(String email, String key) {
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
    public String toString() {
      return "email and Global API key";
    }
  }
}
