package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Echoes of a secret, whole or altered, are masked; other text is left as it is. */
class RedactorTest {
  private static final String TOKEN = ContractServer.TOKEN; // 41 characters
  private static final String KEY = ContractServer.KEY;
  private static final String EMAIL = ContractServer.EMAIL;
  private final Redactor redactor = new Redactor(List.of(TOKEN, EMAIL, KEY));

  private static String echo(String kind, String secret) {
    return switch (kind) {
      case "whole" -> secret;
      case "lowercased" -> secret.toLowerCase(Locale.ROOT);
      case "uppercased" -> secret.toUpperCase(Locale.ROOT);
      case "without its last character" -> secret.substring(0, secret.length() - 1);
      case "without its first character" -> secret.substring(1);
      case "its first two thirds" -> secret.substring(0, (2 * secret.length() + 2) / 3);
      case "its last two thirds" -> secret.substring(secret.length() / 3);
      case "twice back to back" -> secret + secret;
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "whole",
    "lowercased",
    "uppercased",
    "without its last character",
    "without its first character",
    "its first two thirds",
    "its last two thirds",
    "twice back to back"
  })
  void anEchoOfASecretIsMaskedInOtherText(String kind) {
    for (String secret : List.of(TOKEN, KEY, EMAIL)) {
      String text = "{\"message\":\"bad credential '" + echo(kind, secret) + "' (code 9)\"}";
      String scrubbed = redactor.scrub(text);
      assertEquals(
          "{\"message\":\"bad credential '" + Redactor.MASK + "' (code 9)\"}", scrubbed, kind);
      assertFalse(scrubbed.toLowerCase(Locale.ROOT).contains("do-not-leak"), scrubbed);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Invalid request headers [caused by 6103: Invalid format for X-Auth-Key header]",
        "HTTP 401: 10000: Authentication error (cf-ray 8661087300000000-IAD)",
        "FAKE-",
        "do-not-leak"
      })
  void textWithoutTwoThirdsOfASecretIsLeftAsItIs(String text) {
    assertEquals(text, redactor.scrub(text));
  }

  @ParameterizedTest
  @CsvSource({"abcd, xxabcdxx, xx[REDACTED]xx", "abcd, xxABCxx, xxABCxx", "abc, xxabcxx, xxabcxx"})
  void aShortSecretIsMaskedOnlyWholeAndOneOfUnderFourNever(
      String secret, String text, String expected) {
    assertEquals(expected, new Redactor(List.of(secret)).scrub(text));
  }
}
