package dev.cfauditlogs.spec;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Scalar values as both readers produce them, so that a JSON and a YAML document with the same
 * content give equal trees: whole numbers are the narrowest of {@link Integer}, {@link Long} and
 * {@link BigInteger}; other numbers are {@link Double}. Plain YAML scalars are resolved with the
 * YAML 1.2 core schema (the JSON-compatible one: {@code 2019-04-30} and {@code yes} stay strings).
 */
final class Scalars {
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

  private Scalars() {}

  /** The value of a plain (unquoted, untagged) YAML scalar under the YAML 1.2 core schema. */
  static Object resolvePlain(String text) {
    if (text.isEmpty()) {
      return null;
    }
    char first = text.charAt(0);
    if (!(first == '-' || first == '+' || first == '.' || first == '~' || isDigit(first))) {
      return switch (text) {
        case "null", "Null", "NULL" -> null;
        case "true", "True", "TRUE" -> Boolean.TRUE;
        case "false", "False", "FALSE" -> Boolean.FALSE;
        default -> text;
      };
    }
    if (text.equals("~")) {
      return null;
    }
    if (INT.matcher(text).matches()) {
      return integer(new BigInteger(text.startsWith("+") ? text.substring(1) : text));
    }
    if (OCTAL.matcher(text).matches()) {
      return integer(new BigInteger(text.substring(2), 8));
    }
    if (HEX.matcher(text).matches()) {
      return integer(new BigInteger(text.substring(2), 16));
    }
    if (FLOAT.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    if (INFINITY.matcher(text).matches()) {
      return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (NAN.matcher(text).matches()) {
      return Double.NaN;
    }
    return text;
  }

  /** True if {@link #resolvePlain} would read {@code text} as something other than that string. */
  static boolean isAmbiguous(String text) {
    return !text.equals(resolvePlain(text));
  }

  /** A JSON number literal as a tree value. */
  static Object number(String literal) {
    if (INT.matcher(literal).matches()) {
      return integer(new BigInteger(literal));
    }
    try {
      return Double.parseDouble(literal);
    } catch (NumberFormatException e) {
      throw new SpecException("not a number: " + literal, e);
    }
  }

  /** The text a YAML 1.1 reader and a YAML 1.2 reader both read back as {@code value}. */
  static String formatDouble(double value) {
    if (Double.isNaN(value)) {
      return ".nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? ".inf" : "-.inf";
    }
    String text = Double.toString(value).replace('E', 'e');
    int e = text.indexOf('e');
    if (e >= 0 && text.charAt(e + 1) != '-') {
      text = text.substring(0, e + 1) + "+" + text.substring(e + 1);
    }
    return text;
  }

  private static Object integer(BigInteger value) {
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    if (value.bitLength() < 64) {
      return value.longValue();
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
