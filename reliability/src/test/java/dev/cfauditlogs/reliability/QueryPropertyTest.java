package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.InvalidRequestException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Time, IP/CIDR and account id parsing of the query builder: outside input is either accepted, and
 * then means exactly what was written, or refused with an {@link InvalidRequestException} naming
 * the parameter; nothing else escapes. Seeded random cases, see {@link Cases}.
 */
class QueryPropertyTest {
  private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");
  private static final String TIME_CHARS = Cases.alphabet('\u0000', '\u00ff', "٠١中😀");
  private static final String IP_CHARS = "0123456789abcdefABCDEF.:/ %[]-x";

  /** Builds, or returns null when refused with InvalidRequestException naming {@code param}. */
  private static AuditLogQuery buildOrRefuse(String param, Supplier<AuditLogQuery> build) {
    try {
      return build.get();
    } catch (InvalidRequestException e) {
      assertEquals(param, e.parameter(), e.getMessage());
      return null;
    }
  }

  /** Any instant from 0000 to 9999; whole seconds and a few round fractions favoured. */
  static Instant instant(Random r) {
    long second = Cases.between(r, MIN.getEpochSecond(), MAX.getEpochSecond());
    int nano =
        switch (r.nextInt(3)) {
          case 0 -> 0;
          case 1 -> Cases.between(r, 0, 999_999_999);
          default -> Cases.oneOf(r, 1, 10, 100_000, 999_000_000, 500_000_000);
        };
    return Instant.ofEpochSecond(second, nano);
  }

  @Test
  void anyInstantIsSentInUtcAndParsesBackToTheSameInstant() {
    Cases.run(
        QueryPropertyTest::instant,
        instant -> {
          AuditLogQuery q = AuditLogQuery.builder().since(instant).before(instant).build();
          String wire = q.since().orElseThrow();
          assertTrue(wire.endsWith("Z"), wire);
          assertEquals(instant, Instant.parse(wire));
          AuditLogQuery again = AuditLogQuery.builder().since(wire).build();
          assertEquals(wire, again.since().orElseThrow(), "the wire text is a fixed point");
        });
  }

  record WithOffset(Instant instant, int offsetMinutes, int fractionDigits, boolean lowerCase) {}

  @Test
  void anyRfc3339DateTimeWithAnOffsetMeansTheSameInstant() {
    Cases.run(
        r ->
            new WithOffset(
                instant(r),
                Cases.between(r, -18 * 60, 18 * 60),
                Cases.between(r, 0, 9),
                r.nextBoolean()),
        c -> {
          ZoneOffset offset = ZoneOffset.ofTotalSeconds(c.offsetMinutes() * 60);
          OffsetDateTime local = c.instant().atOffset(offset);
          if (local.getYear() < 0 || local.getYear() > 9999) {
            return;
          }
          int fractionDigits = c.fractionDigits();
          String fraction =
              fractionDigits == 0
                  ? ""
                  : "."
                      + String.format(Locale.ROOT, "%09d", local.getNano())
                          .substring(0, fractionDigits);
          String written =
              DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).format(local)
                  + fraction
                  + (c.offsetMinutes() == 0 && c.lowerCase()
                      ? "z"
                      : offset.getId().equals("Z") ? "Z" : offset.getId());
          String text = c.lowerCase() ? written.replace('T', 't') : written;
          AuditLogQuery q =
              buildOrRefuse("since", () -> AuditLogQuery.builder().since(text).build());
          Instant truncated =
              local
                  .withNano(
                      fractionDigits == 0
                          ? 0
                          : (int)
                              (local.getNano()
                                  / (long) Math.pow(10, 9 - fractionDigits)
                                  * (long) Math.pow(10, 9 - fractionDigits)))
                  .toInstant();
          if (truncated.isBefore(MIN) || truncated.isAfter(MAX)) {
            return; // the UTC year is outside 0000-9999: refusing it is right
          }
          assertTrue(q != null, text + " is valid RFC 3339");
          assertEquals(truncated, Instant.parse(q.since().orElseThrow()), text);
        });
  }

  @Test
  void anyDateIsSentAsAFullDate() {
    Cases.run(
        r -> {
          int year = Cases.between(r, 0, 9999);
          return LocalDate.ofYearDay(year, Cases.between(r, 1, Year.of(year).length()));
        },
        date -> {
          assertEquals(
              date.toString(), AuditLogQuery.builder().before(date).build().before().orElseThrow());
          assertEquals(
              date.toString(),
              AuditLogQuery.builder().since(date.toString()).build().since().orElseThrow());
        });
  }

  /** Valid times mutated, or any short text of Latin-1 and a few other digits and letters. */
  static String timeLike(Random r) {
    if (r.nextBoolean()) {
      String valid =
          Cases.oneOf(
              r, "2026-01-31", "2026-01-31T10:00:00Z", "2026-01-31T10:00:00.123456789+05:30");
      return HostileJson.mutate(valid, r);
    }
    return Cases.string(r, 40, TIME_CHARS);
  }

  @Test
  void anyTextIsAcceptedAsATimeOnlyIfItIsRfc3339() {
    Cases.run(
        QueryPropertyTest::timeLike,
        text -> {
          AuditLogQuery q =
              buildOrRefuse("since", () -> AuditLogQuery.builder().since(text).build());
          if (q != null) {
            assertTrue(
                text.matches(
                    "\\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})"),
                text);
          }
        });
  }

  /** The bytes of an address and a prefix length. */
  record Address(byte[] bytes, int prefix) {
    @Override
    public String toString() {
      return Arrays.toString(bytes) + "/" + prefix;
    }
  }

  /** {@code n} address bytes: zero runs (for "::"), 0 and 255 favoured. */
  static byte[] addressBytes(Random r, int n) {
    byte[] bytes = new byte[n];
    int kind = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      bytes[i] =
          switch (kind) {
            case 0 -> 0;
            case 1 -> (byte) 0xff;
            case 2, 3 -> r.nextInt(3) == 0 ? 0 : (byte) r.nextInt();
            default -> (byte) r.nextInt();
          };
    }
    if (n == 16 && r.nextInt(4) == 0) { // a zero run of random length at a random place
      int from = r.nextInt(8) * 2;
      Arrays.fill(bytes, from, Math.min(16, from + 2 * (1 + r.nextInt(8))), (byte) 0);
    }
    return bytes;
  }

  @Test
  void anyIpv4AddressAndPrefixIsAcceptedAndNothingElseLooksLikeOne() {
    Cases.run(
        r -> new Address(addressBytes(r, 4), Cases.between(r, 0, 40)),
        c -> {
          String address = InetAddress.getByAddress(c.bytes()).getHostAddress();
          int prefix = c.prefix();
          assertFalse(
              buildOrRefuse("actor.ip", () -> AuditLogQuery.builder().actorIp(address).build())
                  == null,
              address);
          AuditLogQuery cidr =
              buildOrRefuse(
                  "actor.ip",
                  () -> AuditLogQuery.builder().actorIp(address + "/" + prefix).build());
          assertEquals(prefix <= 32, cidr != null, address + "/" + prefix);
        });
  }

  @Test
  void anyIpv6AddressInAnyNotationAndPrefixIsAccepted() {
    Cases.run(
        r -> new Address(addressBytes(r, 16), Cases.between(r, 0, 140)),
        c -> {
          // 8 groups, no "::"; Inet6Address also for ::ffff:a.b.c.d (InetAddress would give IPv4).
          String full = Inet6Address.getByAddress(null, c.bytes(), -1).getHostAddress();
          String compressed = full.replaceFirst("(^|:)0(:0)+(:|$)", "::");
          int prefix = c.prefix();
          for (String address : new String[] {full, compressed}) {
            assertFalse(
                buildOrRefuse("actor.ip", () -> AuditLogQuery.builder().actorIp(address).build())
                    == null,
                address);
            AuditLogQuery cidr =
                buildOrRefuse(
                    "actor.ip",
                    () -> AuditLogQuery.builder().actorIp(address + "/" + prefix).build());
            assertEquals(prefix <= 128, cidr != null, address + "/" + prefix);
          }
        });
  }

  @Test
  void anyTextAsAnAddressIsAcceptedOnlyIfJavaReadsItAsAnIpLiteral() {
    Cases.run(
        r -> Cases.string(r, 50, IP_CHARS),
        text -> {
          AuditLogQuery q =
              buildOrRefuse("actor.ip", () -> AuditLogQuery.builder().actorIp(text).build());
          if (q != null) {
            String address = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
            assertTrue(address.matches("[0-9a-fA-F.:]+"), text);
            assertTrue(isIpLiteral(address), text + " was accepted but is no IP literal");
          }
        });
  }

  private static boolean isIpLiteral(String text) {
    try {
      // Only literals: InetAddress resolves nothing when given digits, dots, hex and colons.
      InetAddress.getByName(text.contains(":") ? "[" + text + "]" : text);
      return text.contains(":") || text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Test
  void anyTextFilterIsAcceptedOrRefusedTyped() {
    Cases.run(
        r -> Cases.anyString(r, 255),
        text -> {
          buildOrRefuse("actor.email", () -> AuditLogQuery.builder().actorEmail(text).build());
          buildOrRefuse("action.type", () -> AuditLogQuery.builder().actionType(text).build());
          buildOrRefuse("zone.name", () -> AuditLogQuery.builder().zoneName(text).build());
          buildOrRefuse("id", () -> AuditLogQuery.builder().id(text).build());
        });
  }

  /**
   * Any text, and near misses of an account id (a character changed, case, length, whitespace,
   * other digits), as the account id of a query: accepted exactly when it is 32 lowercase hex
   * characters (Cloudflare's ids, observed; the document only says at most 32), and then the scope
   * routes to that very account and its checkpoint key reads back to it; otherwise refused naming
   * {@code account_id}, the value shown printable and bounded.
   */
  @Test
  void anyTextIsAnAccountIdOnlyIfItIs32LowercaseHexCharacters() {
    Cases.run(
        r -> {
          if (r.nextInt(3) == 0) {
            return Cases.anyString(r, 80);
          }
          StringBuilder id = new StringBuilder(Cases.string(r, 32, "0123456789abcdef"));
          while (id.length() < 32) {
            id.append(Cases.oneOf(r, "0", "f", "9", "a"));
          }
          if (r.nextInt(4) > 0) {
            int at = r.nextInt(32);
            switch (r.nextInt(6)) {
              case 0 -> id.setCharAt(at, Cases.oneOf(r, 'A', 'F', 'g', 'z', '-', '٣', '０'));
              case 1 -> id.deleteCharAt(at);
              case 2 -> id.insert(at, Cases.oneOf(r, "0", "a", " ", "\n", "\u0000"));
              case 3 -> id.replace(0, 32, id.toString().toUpperCase(Locale.ROOT));
              case 4 -> id.append(Cases.oneOf(r, " ", "\n", "/", "%2F..", "?page=2"));
              default -> id.insert(0, Cases.oneOf(r, " ", "accounts/", "../"));
            }
          }
          return id.toString();
        },
        text -> {
          boolean wellFormed = text.length() == 32 && text.chars().allMatch(QueryPropertyTest::hex);
          AuditLogQuery query =
              buildOrRefuse("account_id", () -> AuditLogQuery.builder().accountId(text).build());
          assertEquals(wellFormed, query != null, "accepted exactly a well-formed id");
          if (query != null) {
            AuditLogScope scope = query.scope();
            assertEquals(AuditLogScope.account(text), scope);
            assertEquals(text, scope.accountId().orElseThrow());
            assertEquals(scope, AuditLogScope.ofKey(scope.key()), "the checkpoint key reads back");
            assertTrue(query.parameters().values().stream().noneMatch(text::equals));
          } else {
            InvalidRequestException e =
                assertThrows(InvalidRequestException.class, () -> AuditLogScope.account(text));
            assertTrue(e.getMessage().length() < 400, "bounded: " + e.getMessage());
            assertTrue(
                e.getMessage().chars().noneMatch(c -> c < 0x20 || c == 0x7f),
                "printable: " + Cases.show(e.getMessage()));
          }
        });
  }

  private static boolean hex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  record Pair(Instant a, Instant b) {}

  @Test
  void sinceAfterBeforeIsRefused() {
    Cases.run(
        r -> {
          Instant a = instant(r);
          // One time in four b is a neighbour of a (within 0000-9999), so "just after" is tried.
          Instant near = a.plusNanos(Cases.between(r, -2, 2));
          boolean inRange = !near.isBefore(MIN) && !near.isAfter(MAX);
          return new Pair(a, r.nextInt(4) == 0 ? (inRange ? near : a) : instant(r));
        },
        c -> {
          if (c.a().isAfter(c.b())) {
            assertThrows(
                InvalidRequestException.class,
                () -> AuditLogQuery.builder().since(c.a()).before(c.b()).build());
          }
        });
  }
}
