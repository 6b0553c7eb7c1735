package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/**
 * Recognizable fake credentials, and the scan that proves none of them was printed, logged or put
 * in an exception.
 */
final class Secrets {
  static final String TOKEN = "FAKE-TOKEN-reliability-never-print-7f3a9c";
  static final String EMAIL = "fake.owner.never.printed.7f3a9c@example.com";
  static final String KEY = "FAKE-GLOBAL-KEY-reliability-never-print-7f3a9c";

  /** Also refused: a long piece of a secret (a cut-off echo is a leak too). */
  private static final int FRAGMENT = 16;

  private Secrets() {}

  static List<String> all() {
    return List.of(TOKEN, EMAIL, KEY);
  }

  /** Fails naming where a secret, or a fragment of one, appears in {@code text}. */
  static void assertAbsent(String where, String text) {
    for (String secret : all()) {
      int at = text.indexOf(secret);
      if (at >= 0) {
        fail("a credential appears in " + where + " at " + at + ": " + excerpt(text, at));
      }
      for (int i = 0; i + FRAGMENT <= secret.length(); i++) {
        String piece = secret.substring(i, i + FRAGMENT);
        int p = text.indexOf(piece);
        if (p >= 0) {
          fail(
              "a piece of a credential appears in " + where + " at " + p + ": " + excerpt(text, p));
        }
      }
    }
  }

  private static String excerpt(String text, int at) {
    return text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 120));
  }
}
