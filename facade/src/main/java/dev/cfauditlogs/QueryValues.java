package dev.cfauditlogs;

import java.util.regex.Pattern;

/**
 * Syntax checks for query values: emails and IP addresses or CIDR ranges, without resolving any
 * name. The library's one implementation of these rules: {@link AuditLogQuery.Builder#build()}
 * applies them, and the CLI reaches them only through that builder. The testkit's emulator keeps
 * its own, separate model of Cloudflare's rules; {@code ValidationAgreementTest} in the testkit
 * feeds both the same inputs and lists every known difference with its reason.
 */
final class QueryValues {
  // A pragmatic address check: one '@', a local part of RFC 5322 dot-atom shape (atext runs
  // joined by single dots, no dot first or last; non-ASCII allowed as RFC 6532 does), a
  // dot-separated domain, no whitespace or control characters.
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+"
              + "@[A-Za-z0-9\\u0080-\\uFFFF](?:[A-Za-z0-9\\u0080-\\uFFFF-]*[A-Za-z0-9\\u0080-\\uFFFF])?"
              + "(?:\\.[A-Za-z0-9\\u0080-\\uFFFF](?:[A-Za-z0-9\\u0080-\\uFFFF-]*[A-Za-z0-9\\u0080-\\uFFFF])?)+");
  private static final Pattern IPV4 =
      Pattern.compile(
          "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

  private QueryValues() {}

  static boolean isEmail(String text) {
    return text.length() <= 254
        && EMAIL.matcher(text).matches()
        && !hasControlCharacter(text)
        && !text.startsWith(".")
        && !text.contains("..")
        && !text.contains(".@")
        && text.indexOf('@') <= 64;
  }

  static boolean isIpOrCidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return isIpv4(text) || isIpv6(text);
    }
    String address = text.substring(0, slash);
    String prefix = text.substring(slash + 1);
    if (prefix.isEmpty()
        || prefix.length() > 3
        || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    if (prefix.length() > 1 && prefix.charAt(0) == '0') {
      return false;
    }
    int bits = Integer.parseInt(prefix);
    return (isIpv4(address) && bits <= 32) || (isIpv6(address) && bits <= 128);
  }

  static boolean isIpv4(String text) {
    return IPV4.matcher(text).matches();
  }

  static boolean isIpv6(String text) {
    if (text.length() < 2 || text.length() > 45 || text.indexOf(':') < 0) {
      return false;
    }
    int doubleColon = text.indexOf("::");
    if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] groups = text.split(":", -1);
    int words = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (g.isEmpty()) {
        // allowed only as part of the single "::" (or at the edges of it)
        continue;
      }
      if (i == groups.length - 1 && g.indexOf('.') >= 0) {
        if (!isIpv4(g)) {
          return false;
        }
        words += 2;
      } else if (HEX_GROUP.matcher(g).matches()) {
        words++;
      } else {
        return false;
      }
    }
    if (doubleColon < 0) {
      return words == 8 && !text.startsWith(":") && !text.endsWith(":");
    }
    boolean badStart = text.startsWith(":") && !text.startsWith("::");
    boolean badEnd = text.endsWith(":") && !text.endsWith("::");
    return words <= 7 && !badStart && !badEnd;
  }

  static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }

  /** The text with control characters shown as {@code \\uXXXX}, for error messages. */
  static String printable(String text) {
    StringBuilder s = new StringBuilder();
    text.chars()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                s.append(String.format("\\u%04x", c));
              } else {
                s.append((char) c);
              }
            });
    return s.toString();
  }
}
