package dev.cfauditlogs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.InvalidRequestException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Time and IP/CIDR parsing of the query builder: outside input is either accepted, and then means
 * exactly what was written, or refused with an {@link InvalidRequestException} naming the
 * parameter; nothing else escapes.
 */
class QueryPropertyTest {
  private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** Builds, or returns null when refused with InvalidRequestException naming {@code param}. */
  private static AuditLogQuery buildOrRefuse(String param, Supplier<AuditLogQuery> build) {
    try {
      return build.get();
    } catch (InvalidRequestException e) {
      assertEquals(param, e.parameter(), e.getMessage());
      return null;
    }
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(MIN.getEpochSecond(), MAX.getEpochSecond()),
            Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.of(1, 10, 100_000, 999_000_000, 500_000_000)))
        .as(Instant::ofEpochSecond);
  }

  @Property
  void anyInstantIsSentInUtcAndParsesBackToTheSameInstant(@ForAll("instants") Instant instant) {
    AuditLogQuery q = AuditLogQuery.builder().since(instant).before(instant).build();
    String wire = q.since().orElseThrow();
    assertTrue(wire.endsWith("Z"), wire);
    assertEquals(instant, Instant.parse(wire));
    AuditLogQuery again = AuditLogQuery.builder().since(wire).build();
    assertEquals(wire, again.since().orElseThrow(), "the wire text is a fixed point");
  }

  @Property
  void anyRfc3339DateTimeWithAnOffsetMeansTheSameInstant(
      @ForAll("instants") Instant instant,
      @ForAll @IntRange(min = -18 * 60, max = 18 * 60) int offsetMinutes,
      @ForAll @IntRange(min = 0, max = 9) int fractionDigits,
      @ForAll boolean lowerCase) {
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
    OffsetDateTime local = instant.atOffset(offset);
    if (local.getYear() < 0 || local.getYear() > 9999) {
      return;
    }
    String fraction =
        fractionDigits == 0
            ? ""
            : "."
                + String.format(Locale.ROOT, "%09d", local.getNano()).substring(0, fractionDigits);
    String written =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).format(local)
            + fraction
            + (offsetMinutes == 0 && lowerCase
                ? "z"
                : offset.getId().equals("Z") ? "Z" : offset.getId());
    String text = lowerCase ? written.replace('T', 't') : written;
    AuditLogQuery q = buildOrRefuse("since", () -> AuditLogQuery.builder().since(text).build());
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
  }

  @Property
  void anyDateIsSentAsAFullDate(
      @ForAll @IntRange(min = 0, max = 9999) int year,
      @ForAll @IntRange(min = 1, max = 366) int day) {
    if (day > LocalDate.of(year, 1, 1).lengthOfYear()) {
      return;
    }
    LocalDate date = LocalDate.ofYearDay(year, day);
    assertEquals(
        date.toString(), AuditLogQuery.builder().before(date).build().before().orElseThrow());
    assertEquals(
        date.toString(),
        AuditLogQuery.builder().since(date.toString()).build().since().orElseThrow());
  }

  @Provide
  Arbitrary<String> timeLike() {
    Arbitrary<String> mutatedValid =
        Arbitraries.randomValue(
            r ->
                HostileJson.mutate(
                    new String[] {
                          "2026-01-31",
                          "2026-01-31T10:00:00Z",
                          "2026-01-31T10:00:00.123456789+05:30"
                        }
                        [r.nextInt(3)],
                    r));
    Arbitrary<String> any =
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').withChars("٠١中😀").ofMaxLength(40);
    return Arbitraries.oneOf(mutatedValid, any);
  }

  @Property
  void anyTextIsAcceptedAsATimeOnlyIfItIsRfc3339(@ForAll("timeLike") String text) {
    AuditLogQuery q = buildOrRefuse("since", () -> AuditLogQuery.builder().since(text).build());
    if (q != null) {
      assertTrue(
          text.matches(
              "\\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})"),
          text);
    }
  }

  @Property
  void anyIpv4AddressAndPrefixIsAcceptedAndNothingElseLooksLikeOne(
      @ForAll @Size(4) byte[] bytes, @ForAll @IntRange(min = 0, max = 40) int prefix)
      throws UnknownHostException {
    String address = InetAddress.getByAddress(bytes).getHostAddress();
    assertFalse(
        buildOrRefuse("actor.ip", () -> AuditLogQuery.builder().actorIp(address).build()) == null,
        address);
    AuditLogQuery cidr =
        buildOrRefuse(
            "actor.ip", () -> AuditLogQuery.builder().actorIp(address + "/" + prefix).build());
    assertEquals(prefix <= 32, cidr != null, address + "/" + prefix);
  }

  @Property
  void anyIpv6AddressInAnyNotationAndPrefixIsAccepted(
      @ForAll @Size(16) byte[] bytes, @ForAll @IntRange(min = 0, max = 140) int prefix)
      throws UnknownHostException {
    String full = InetAddress.getByAddress(bytes).getHostAddress(); // 8 groups, no "::"
    String compressed = full.replaceFirst("(^|:)0(:0)+(:|$)", "::");
    for (String address : new String[] {full, compressed}) {
      assertFalse(
          buildOrRefuse("actor.ip", () -> AuditLogQuery.builder().actorIp(address).build()) == null,
          address);
      AuditLogQuery cidr =
          buildOrRefuse(
              "actor.ip", () -> AuditLogQuery.builder().actorIp(address + "/" + prefix).build());
      assertEquals(prefix <= 128, cidr != null, address + "/" + prefix);
    }
  }

  @Provide
  Arbitrary<String> ipLike() {
    return Arbitraries.strings().withChars("0123456789abcdefABCDEF.:/ %[]-x").ofMaxLength(50);
  }

  @Property
  void anyTextAsAnAddressIsAcceptedOnlyIfJavaReadsItAsAnIpLiteral(@ForAll("ipLike") String text) {
    AuditLogQuery q =
        buildOrRefuse("actor.ip", () -> AuditLogQuery.builder().actorIp(text).build());
    if (q != null) {
      String address = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
      assertTrue(address.matches("[0-9a-fA-F.:]+"), text);
      assertTrue(isIpLiteral(address), text + " was accepted but is no IP literal");
    }
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

  @Property
  void anyTextFilterIsAcceptedOrRefusedTyped(@ForAll String text) {
    buildOrRefuse("actor.email", () -> AuditLogQuery.builder().actorEmail(text).build());
    buildOrRefuse("action.type", () -> AuditLogQuery.builder().actionType(text).build());
    buildOrRefuse("zone.name", () -> AuditLogQuery.builder().zoneName(text).build());
    buildOrRefuse("id", () -> AuditLogQuery.builder().id(text).build());
  }

  @Property
  void sinceAfterBeforeIsRefused(@ForAll("instants") Instant a, @ForAll("instants") Instant b) {
    if (a.isAfter(b)) {
      assertThrows(
          InvalidRequestException.class, () -> AuditLogQuery.builder().since(a).before(b).build());
    }
  }
}
