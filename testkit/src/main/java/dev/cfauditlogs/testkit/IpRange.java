package dev.cfauditlogs.testkit;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code actor.ip} filter: one IPv4 or IPv6 address, or a CIDR range of either family. Addresses
 * are parsed without any name lookup and compared as bytes, so {@code 2001:DB8::1} and {@code
 * 2001:db8:0:0::1} are the same address; an IPv4 filter never matches an IPv6 address and the other
 * way round. Host bits set in a CIDR range ({@code 198.51.100.7/24}) are ignored. Only ASCII digits
 * count.
 *
 * <p>The emulator's own parser, modelling Cloudflare's filter, kept apart from the library's check
 * on purpose; {@code ValidationAgreementTest} checks the two agree.
 */
final class IpRange {
  private final byte[] network;
  private final int prefixBits;

  private IpRange(byte[] network, int prefixBits) {
    this.network = network;
    this.prefixBits = prefixBits;
  }

  /** Parses an address or CIDR range; {@code null} when the text is neither. */
  static @Nullable IpRange parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] bytes = parseAddress(address);
    if (bytes == null) {
      return null;
    }
    int maxBits = bytes.length * 8;
    if (slash < 0) {
      return new IpRange(bytes, maxBits);
    }
    String prefix = text.substring(slash + 1);
    if (prefix.isEmpty()
        || prefix.length() > 3
        || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')
        || (prefix.length() > 1 && prefix.charAt(0) == '0')) {
      return null;
    }
    int bits = Integer.parseInt(prefix);
    return bits > maxBits ? null : new IpRange(bytes, bits);
  }

  /** Whether an address (the parsed {@code actor.ip} of a record) lies in this range. */
  boolean contains(byte @Nullable [] candidate) {
    if (candidate == null || candidate.length != network.length) {
      return false;
    }
    int fullBytes = prefixBits / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int restBits = prefixBits % 8;
    if (restBits == 0) {
      return true;
    }
    int mask = (0xff << (8 - restBits)) & 0xff;
    return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
  }

  /** The 4 or 16 bytes of an IPv4 or IPv6 literal, or {@code null}; never resolves a name. */
  static byte @Nullable [] parseAddress(String text) {
    if (text.indexOf(':') >= 0) {
      return parseIpv6(text);
    }
    return parseIpv4(text);
  }

  private static byte @Nullable [] parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty()
          || p.length() > 3
          || (p.length() > 1 && p.charAt(0) == '0')
          || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int value = Integer.parseInt(p);
      if (value > 255) {
        return null;
      }
      out[i] = (byte) value;
    }
    return out;
  }

  private static byte @Nullable [] parseIpv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    List<Integer> head = gap < 0 ? words(text) : words(text.substring(0, gap));
    List<Integer> tail = gap < 0 ? List.of() : words(text.substring(gap + 2));
    if (head == null || tail == null) {
      return null;
    }
    int count = head.size() + tail.size();
    if ((gap < 0 && count != 8) || (gap >= 0 && count > 7)) {
      return null;
    }
    byte[] out = new byte[16];
    int i = 0;
    for (int w : head) {
      out[i++] = (byte) (w >> 8);
      out[i++] = (byte) w;
    }
    i = 16 - tail.size() * 2;
    for (int w : tail) {
      out[i++] = (byte) (w >> 8);
      out[i++] = (byte) w;
    }
    return out;
  }

  /** 16-bit words of a colon-separated run (which may end in a dotted IPv4 part), or null. */
  private static @Nullable List<Integer> words(String run) {
    List<Integer> out = new ArrayList<>();
    if (run.isEmpty()) {
      return out;
    }
    String[] groups = run.split(":", -1);
    for (int g = 0; g < groups.length; g++) {
      String group = groups[g];
      if (g == groups.length - 1 && group.indexOf('.') >= 0) {
        byte[] v4 = parseIpv4(group);
        if (v4 == null) {
          return null;
        }
        out.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
        out.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
      } else if (group.length() >= 1
          && group.length() <= 4
          && group.chars().allMatch(IpRange::isAsciiHexDigit)) {
        out.add(Integer.parseInt(group, 16));
      } else {
        return null;
      }
    }
    return out;
  }

  /** Only ASCII: {@link Character#digit(char, int)} would also take fullwidth and other digits. */
  private static boolean isAsciiHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /**
   * RFC 5952 text of an IPv6 address given as eight 16-bit words: lower case, longest zero run as
   * {@code ::}.
   */
  static String formatIpv6(int[] words) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (words[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && words[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append("::");
        i += bestLength - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(Integer.toHexString(words[i] & 0xffff));
    }
    return s.toString();
  }
}
