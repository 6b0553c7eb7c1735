package dev.cfauditlogs;

import java.util.List;

/**
 * Replaces the client's secrets in text that came from elsewhere (a server can echo a header back).
 */
final class Redactor {
  static final String MASK = "[REDACTED]";

  private final List<String> secrets;

  Redactor(List<String> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  String scrub(String text) {
    String result = text;
    for (String secret : secrets) {
      if (secret.length() >= 4 && result.contains(secret)) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }
}
