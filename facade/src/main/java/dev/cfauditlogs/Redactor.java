package dev.cfauditlogs;

import java.util.Arrays;
import java.util.List;

/**
 * Replaces the client's secrets in text that came from elsewhere (a server can echo a header back,
 * whole or altered). Any part of the text that matches, ignoring case, at least two thirds of a
 * secret (at least 8 characters; a secret of 8 or fewer only whole) is replaced, so that an echo
 * cut short, lowercased or embedded in other text does not show it either. Runs on error paths only
 * (messages, excerpts of unreadable bodies, values a record check shows).
 */
final class Redactor {
  static final String MASK = "[REDACTED]";

  /** Secrets shorter than this are not searched for: they would match ordinary text. */
  private static final int SHORTEST = 4;

  private final List<String> secrets;

  Redactor(List<String> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  String scrub(String text) {
    boolean[] hidden = null;
    for (String secret : secrets) {
      int length = secret.length();
      if (length < SHORTEST) {
        continue;
      }
      int window = length <= 8 ? length : Math.max(8, (2 * length + 2) / 3);
      for (int from = 0; from + window <= length; from++) {
        for (int at = 0; at + window <= text.length(); at++) {
          if (text.regionMatches(true, at, secret, from, window)) {
            if (hidden == null) {
              hidden = new boolean[text.length()];
            }
            Arrays.fill(hidden, at, at + window, true);
          }
        }
      }
    }
    return hidden == null ? text : masked(text, hidden);
  }

  /** {@code text} with each run of hidden characters replaced by one {@link #MASK}. */
  private static String masked(String text, boolean[] hidden) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!hidden[i]) {
        out.append(text.charAt(i));
      } else if (i == 0 || !hidden[i - 1]) {
        out.append(MASK);
      }
    }
    return out.toString();
  }
}
