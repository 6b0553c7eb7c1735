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
      return choose(Credentials.Names.BUILDER, token, email, key);
    }
    if (environment != null) {
      String envToken = nonEmpty(environment.get(Credentials.TOKEN_ENV));
      String envEmail = nonEmpty(environment.get(Credentials.EMAIL_ENV));
      String envKey = nonEmpty(environment.get(Credentials.KEY_ENV));
      if (envToken != null || envEmail != null || envKey != null) {
        return choose(Credentials.Names.ENVIRONMENT, envToken, envEmail, envKey);
      }
    }
    throw new InvalidRequestException(
        "credentials",
        "No Cloudflare credentials: set CLOUDFLARE_API_TOKEN (or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY),"
            + " or give them to the builder with apiToken(...) or email(...) and apiKey(...)");
  }

  private static Credentials choose(
      Credentials.Names names,
      @Nullable String token,
      @Nullable String email,
      @Nullable String key) {
    if (token != null) {
      return Credentials.token(names, token);
    }
    if (email == null) {
      throw new InvalidRequestException(
          names.email(),
          names.key()
              + " is set but "
              + names.email()
              + " is missing: the Global API key needs both");
    }
    if (key == null) {
      throw new InvalidRequestException(
          names.key(),
          names.email()
              + " is set but "
              + names.key()
              + " is missing: the Global API key needs both");
    }
    return Credentials.emailAndKey(names, email, key);
  }

  private static @Nullable String nonEmpty(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
