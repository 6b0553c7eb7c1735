package dev.cfauditlogs.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The credentials the emulator accepts, and the check of a request against them. An {@code
 * Authorization} header, when present, decides alone; otherwise {@code X-Auth-Email} and {@code
 * X-Auth-Key} must both match (the email ignoring case).
 */
final class Credentials {
  /** Request headers whose values are secrets and never recorded. */
  static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "x-auth-key", "x-auth-email", "x-auth-user-service-key", "cookie");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String TOKEN_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

  final String apiToken;
  final String email;
  final String apiKey;
  final @Nullable String forbiddenToken;

  Credentials(String apiToken, String email, String apiKey, @Nullable String forbiddenToken) {
    this.apiToken = apiToken;
    this.email = email;
    this.apiKey = apiKey;
    this.forbiddenToken = forbiddenToken;
  }

  /** A throwaway 40-character API token, like Cloudflare's. */
  static String randomToken() {
    StringBuilder s = new StringBuilder(40);
    for (int i = 0; i < 40; i++) {
      s.append(TOKEN_ALPHABET.charAt(RANDOM.nextInt(TOKEN_ALPHABET.length())));
    }
    return s.toString();
  }

  /** A throwaway 37-hex-digit Global API key, like Cloudflare's. */
  static String randomKey() {
    StringBuilder s = new StringBuilder(37);
    for (int i = 0; i < 37; i++) {
      s.append(Character.forDigit(RANDOM.nextInt(16), 16));
    }
    return s.toString();
  }

  /** A throwaway account email. */
  static String randomEmail() {
    return "emulator-" + randomKey().substring(0, 8) + "@example.com";
  }

  /**
   * Checks the request's credentials.
   *
   * @throws ApiError 401 or 403 when they do not grant access
   */
  void check(Headers headers) {
    String authorization = headers.get("Authorization");
    if (authorization != null) {
      String[] parts = authorization.trim().split(" +", 2);
      if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
        throw new ApiError(
            401, ApiError.MALFORMED_AUTHORIZATION, "Invalid format for Authorization header");
      }
      String token = parts[1].trim();
      if (same(token, apiToken)) {
        return;
      }
      if (forbiddenToken != null && same(token, forbiddenToken)) {
        throw new ApiError(403, ApiError.FORBIDDEN, "Unauthorized to access requested resource");
      }
      throw new ApiError(401, ApiError.INVALID_TOKEN, "Authentication error");
    }
    String authEmail = headers.get("X-Auth-Email");
    String authKey = headers.get("X-Auth-Key");
    if (authEmail == null || authKey == null) {
      throw new ApiError(
          401,
          ApiError.MISSING_CREDENTIALS,
          "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
    }
    boolean emailMatches =
        same(authEmail.trim().toLowerCase(Locale.ROOT), email.toLowerCase(Locale.ROOT));
    if (!(same(authKey.trim(), apiKey) & emailMatches)) {
      throw new ApiError(401, ApiError.UNKNOWN_KEY, "Unknown X-Auth-Key or X-Auth-Email");
    }
  }

  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
