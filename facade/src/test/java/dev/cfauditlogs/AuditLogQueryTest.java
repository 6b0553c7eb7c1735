package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditLogQueryTest {
  @Test
  void localDateIsSentAsFullDate() {
    AuditLogQuery q = AuditLogQuery.builder().since(LocalDate.of(2026, 1, 31)).build();
    assertEquals(Optional.of("2026-01-31"), q.since());
  }

  @Test
  void instantsAreSentInUtcKeepingEverySubSecondDigit() {
    AuditLogQuery q =
        AuditLogQuery.builder()
            .since(Instant.parse("2026-01-31T10:00:00.000000001Z"))
            .before(Instant.parse("2026-02-01T00:00:00.120Z"))
            .build();
    assertEquals(Optional.of("2026-01-31T10:00:00.000000001Z"), q.since());
    assertEquals(Optional.of("2026-02-01T00:00:00.12Z"), q.before());
  }

  @Test
  void offsetAndZonedDateTimesAreNormalizedToUtc() {
    AuditLogQuery q =
        AuditLogQuery.builder()
            .since(OffsetDateTime.of(2026, 1, 31, 10, 0, 0, 500_000_000, ZoneOffset.ofHours(2)))
            .before(ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, ZoneId.of("America/New_York")))
            .build();
    assertEquals(Optional.of("2026-01-31T08:00:00.5Z"), q.since());
    assertEquals(Optional.of("2026-07-01T16:00:00Z"), q.before());
  }

  @ParameterizedTest
  @CsvSource({
    "2026-01-31, 2026-01-31",
    "2026-01-31T10:00:00Z, 2026-01-31T10:00:00Z",
    "2026-01-31t10:00:00z, 2026-01-31T10:00:00Z",
    "2026-01-31T10:00:00.500+01:00, 2026-01-31T09:00:00.500Z",
    "2026-01-31T00:30:00-05:30, 2026-01-31T06:00:00Z",
    "2026-01-31T10:00:00.123456789Z, 2026-01-31T10:00:00.123456789Z",
    "2024-02-29T23:59:59-00:00, 2024-02-29T23:59:59Z"
  })
  void stringsAreParsedStrictlyAndNormalized(String given, String sent) {
    assertEquals(Optional.of(sent), AuditLogQuery.builder().since(given).build().since());
    assertEquals(Optional.of(sent), AuditLogQuery.builder().before(given).build().before());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2026-13-01",
        "2026-01-01 10:00",
        "2026-01-01 10:00:00Z",
        "2026-01-01T10:00Z",
        "2026-02-30",
        "2025-02-29",
        "2026-01-01T24:00:00Z",
        "2026-01-01T10:00:60Z",
        "2026-01-01T10:00:00",
        "2026-01-01T10:00:00+0100",
        "2026-01-01T10:00:00+24:00",
        "2026-01-01T10:00:00.Z",
        "2026-01-01T10:00:00.1234567891Z",
        "20260101",
        "2026-1-1",
        " 2026-01-01",
        "",
        "２０２６-01-01"
      })
  void anythingElseIsRefusedNamingParameterAndValue(String bad) {
    InvalidRequestException since =
        assertThrows(InvalidRequestException.class, () -> AuditLogQuery.builder().since(bad));
    assertEquals("since", since.parameter());
    assertTrue(since.getMessage().contains("since"), since.getMessage());
    assertTrue(since.getMessage().contains("'" + bad + "'"), since.getMessage());
    InvalidRequestException before =
        assertThrows(InvalidRequestException.class, () -> AuditLogQuery.builder().before(bad));
    assertEquals("before", before.parameter());
  }

  @Test
  void sinceLaterThanBeforeIsRefused() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                AuditLogQuery.builder().since("2026-02-01").before("2026-01-31T23:59:59Z").build());
    assertTrue(e.getMessage().contains("2026-02-01"), e.getMessage());
    // equal bounds are an empty window, not an error; a full-date is midnight UTC
    AuditLogQuery.builder().since("2026-02-01").before("2026-02-01T00:00:00Z").build();
    assertThrows(
        InvalidRequestException.class,
        () ->
            AuditLogQuery.builder().since("2026-02-01T00:00:00.001Z").before("2026-02-01").build());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE})
  void perPageOutsideOneToAThousandIsRefused(int perPage) {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class, () -> AuditLogQuery.builder().perPage(perPage).build());
    assertEquals("per_page", e.parameter());
    assertTrue(e.getMessage().contains(String.valueOf(perPage)), e.getMessage());
  }

  @Test
  void perPageBoundsAndPageAreAccepted() {
    assertEquals(1, AuditLogQuery.builder().perPage(1).build().perPage().getAsInt());
    assertEquals(1000, AuditLogQuery.builder().perPage(1000).build().perPage().getAsInt());
    assertEquals(1, AuditLogQuery.builder().page(1).build().page().getAsInt());
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> AuditLogQuery.builder().page(0).build());
    assertEquals("page", e.parameter());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a@example.com", "first.last+tag@sub.example.co.uk", "o'brien@example.org"})
  void plausibleEmailsAreAccepted(String email) {
    assertEquals(
        Optional.of(email), AuditLogQuery.builder().actorEmail(email).build().actorEmail());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-an-email",
        "a@b",
        "@example.com",
        "a@@example.com",
        "a b@example.com",
        "a@example..com",
        ".a@example.com",
        "a@-example.com",
        "a@example.com\n",
        "a.@example.com",
        "a.b.@example.com",
        "a\u0085b@example.com"
      })
  void implausibleEmailsAreRefused(String email) {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class, () -> AuditLogQuery.builder().actorEmail(email).build());
    assertEquals("actor.email", e.parameter());
    assertTrue(e.getMessage().contains("'" + QueryValues.printable(email) + "'"), e.getMessage());
    assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "198.41.129.166",
        "0.0.0.0",
        "10.0.0.0/8",
        "198.41.129.166/32",
        "0.0.0.0/0",
        "2001:db8::7",
        "::1",
        "::",
        "2001:0db8:0000:0000:0000:ff00:0042:8329",
        "2001:db8::/32",
        "::ffff:192.0.2.1",
        "fe80::/10",
        "2001:db8::1/128"
      })
  void ipAddressesAndCidrRangesAreAccepted(String ip) {
    assertEquals(Optional.of(ip), AuditLogQuery.builder().actorIp(ip).build().actorIp());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.com",
        "localhost",
        "256.1.1.1",
        "1.2.3",
        "01.2.3.4",
        "1.2.3.4/33",
        "1.2.3.4/",
        "1.2.3.4/08",
        "::1/129",
        "2001:db8:::1",
        "2001:db8::1::2",
        "1:2:3:4:5:6:7:8:9",
        "fe80::1%eth0",
        "[::1]",
        "1.2.3.4 ",
        "gggg::1"
      })
  void anythingElseIsRefusedAsActorIp(String ip) {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class, () -> AuditLogQuery.builder().actorIp(ip).build());
    assertEquals("actor.ip", e.parameter());
    assertTrue(e.getMessage().contains(ip), e.getMessage());
  }

  @Test
  void blankOrControlCharacterTextIsRefused() {
    assertEquals(
        "zone.name",
        assertThrows(
                InvalidRequestException.class, () -> AuditLogQuery.builder().zoneName("  ").build())
            .parameter());
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> AuditLogQuery.builder().actionType("login\r\nX-Injected: 1").build());
    assertEquals("action.type", e.parameter());
    assertTrue(e.getMessage().contains("\\u000d\\u000a"), e.getMessage());
  }

  @Test
  void directionParsesEitherCaseAndRefusesOthers() {
    assertEquals(Direction.ASC, Direction.parse("ASC"));
    assertEquals(Direction.DESC, Direction.parse("desc"));
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> Direction.parse("sideways"));
    assertTrue(e.getMessage().contains("sideways"));
  }

  @Test
  void queriesAreImmutableValuesWithReadableToString() {
    AuditLogQuery q = AuditLogQuery.builder().actionType("login").perPage(50).build();
    AuditLogQuery variant = q.toBuilder().page(2).build();
    assertEquals("AuditLogQuery{action.type=login, per_page=50}", q.toString());
    assertEquals("AuditLogQuery{action.type=login, per_page=50, page=2}", variant.toString());
    assertEquals(q, q.toBuilder().build());
    assertEquals(q.hashCode(), q.toBuilder().build().hashCode());
    assertTrue(q.page().isEmpty());
    assertEquals("AuditLogQuery{}", AuditLogQuery.all().toString());
  }

  @Test
  void parametersAreTheWireNamesAndValuesInTheDocumentsOrder() {
    AuditLogQuery q =
        AuditLogQuery.builder()
            .hideUserLogs(false)
            .perPage(1000)
            .direction(Direction.ASC)
            .before(OffsetDateTime.of(2026, 2, 1, 1, 0, 0, 0, ZoneOffset.ofHours(1)))
            .since(LocalDate.of(2026, 1, 1))
            .zoneName("example.com")
            .actorEmail("a@example.com")
            .actorIp("192.0.2.0/24")
            .actionType("login")
            .page(3)
            .id("abc")
            .build();
    assertEquals(
        List.of(
            "id=abc",
            "action.type=login",
            "actor.ip=192.0.2.0/24",
            "actor.email=a@example.com",
            "since=2026-01-01",
            "before=2026-02-01T00:00:00Z",
            "zone.name=example.com",
            "direction=asc",
            "per_page=1000",
            "page=3",
            "hide_user_logs=false"),
        q.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    assertThrows(UnsupportedOperationException.class, () -> q.parameters().put("page", "4"));
    assertTrue(AuditLogQuery.all().parameters().isEmpty());
    assertNotEquals(q, q.toBuilder().hideUserLogs(true).build());
  }
}
