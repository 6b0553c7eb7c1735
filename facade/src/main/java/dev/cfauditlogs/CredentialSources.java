package dev.cfauditlogs;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the one credential scheme to use. Explicit settings win over the environment as a whole;
 * within a source a token wins over an email and key pair; a half pair that would be used is
 * refused, naming what is missing.
 */
final class CredentialSources {
  private CredentialSources() {}

  static Credentials resolve(
      @Nullable String token,
      @Nullable String email,
      @Nullable String key,
      @Nullable Map<String, String> environment) {
    if (token != null || email != null || key != null) {
      return choose(token, "apiToken", email, "email", key, "apiKey");
    }
    if (environment != null) {
      String envToken = nonEmpty(environment.get(Credentials.TOKEN_ENV));
      String envEmail = nonEmpty(environment.get(Credentials.EMAIL_ENV));
      String envKey = nonEmpty(environment.get(Credentials.KEY_ENV));
      if (envToken != null || envEmail != null || envKey != null) {
        return choose(
            envToken,
            Credentials.TOKEN_ENV,
            envEmail,
            Credentials.EMAIL_ENV,
            envKey,
            Credentials.KEY_ENV);
      }
    }
    throw new InvalidRequestException(
        "credentials",
        "No Cloudflare credentials: set CLOUDFLARE_API_TOKEN (or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY),"
            + " or give them to the builder with apiToken(...) or email(...) and apiKey(...)");
  }

  private static Credentials choose(
      @Nullable String token,
      String tokenName,
      @Nullable String email,
      String emailName,
      @Nullable String key,
      String keyName) {
    if (token != null) {
      return Credentials.token(tokenName, token);
    }
    if (email == null) {
      throw new InvalidRequestException(
          emailName,
          keyName + " is set but " + emailName + " is missing: the Global API key needs both");
    }
    if (key == null) {
      throw new InvalidRequestException(
          keyName,
          emailName + " is set but " + keyName + " is missing: the Global API key needs both");
    }
    return Credentials.emailAndKey(emailName, email, keyName, key);
  }

  private static @Nullable String nonEmpty(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
