package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each filter's documented semantics, over HTTP, against {@link Records#small()}. */
class FilterTest {
  private static AuditLogEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = AuditLogEmulator.builder().dataset(Records.small()).start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static List<String> ids(String query) {
    Http.Reply reply = Http.get(emulator, query + (query.isEmpty() ? "" : "&") + "direction=asc");
    assertEquals(200, reply.status, reply.body);
    return reply.ids();
  }

  @Test
  void noFilterServesEverything() {
    assertEquals(List.of("a1", "b2", "c3", "a4", "d5", "e6", "f7"), ids(""));
  }

  @Test
  void idIsExact() {
    assertEquals(List.of("c3"), ids("id=c3"));
    assertEquals(List.of(), ids("id=c"));
    assertEquals(List.of(), ids("id=C3"));
  }

  @Test
  void actionTypeIsExactAndCaseSensitive() {
    assertEquals(List.of("a1", "c3", "e6", "f7"), ids("action.type=login"));
    assertEquals(List.of(), ids("action.type=LOGIN"));
    assertEquals(List.of(), ids("action.type=log"));
  }

  @Test
  void actorEmailIsExactIgnoringCase() {
    assertEquals(List.of("a1", "a4", "f7"), ids("actor.email=alice@example.com"));
    assertEquals(List.of("a1", "a4", "f7"), ids("actor.email=ALICE@Example.COM"));
    assertEquals(List.of("b2"), ids("actor.email=bob@example.net"));
    assertEquals(List.of(), ids("actor.email=lice@example.com"));
  }

  @Test
  void plusInAnEmailMustBePercentEncoded() {
    assertEquals(List.of("e6"), ids("actor.email=o'neil%2Baudit@example.org"));
    // A literal '+' in a query string is a space, which makes the address invalid.
    assertEquals(400, Http.get(emulator, "actor.email=o'neil+audit@example.org").status);
  }

  @Test
  void actorIpExactIpv4() {
    assertEquals(List.of("a1"), ids("actor.ip=198.51.100.7"));
    assertEquals(List.of(), ids("actor.ip=198.51.100.70"));
  }

  @Test
  void actorIpCidrIpv4() {
    assertEquals(List.of("a1", "a4"), ids("actor.ip=198.51.100.0/24"));
    assertEquals(List.of("a1"), ids("actor.ip=198.51.100.0/25"));
    assertEquals(List.of("a4"), ids("actor.ip=198.51.100.128/25"));
    // Host bits in the range are ignored.
    assertEquals(List.of("a1", "a4"), ids("actor.ip=198.51.100.99/24"));
    // /0 is every IPv4 address, and no IPv6 one.
    assertEquals(List.of("a1", "c3", "a4", "f7"), ids("actor.ip=0.0.0.0/0"));
  }

  @Test
  void actorIpExactIpv6InAnyNotation() {
    assertEquals(List.of("b2"), ids("actor.ip=2001:db8::1"));
    assertEquals(List.of("b2"), ids("actor.ip=2001:DB8:0:0:0:0:0:1"));
    assertEquals(List.of(), ids("actor.ip=2001:db8::2"));
  }

  @Test
  void actorIpCidrIpv6() {
    assertEquals(List.of("b2", "e6"), ids("actor.ip=2001:db8::/32"));
    assertEquals(List.of("e6"), ids("actor.ip=2001:db8:abcd::/48"));
    assertEquals(List.of("b2"), ids("actor.ip=2001:db8::/64"));
    assertEquals(List.of("b2", "e6"), ids("actor.ip=::/0"));
  }

  @Test
  void zoneNameMatchesMetadataZoneNameIgnoringCase() {
    assertEquals(List.of("b2", "d5"), ids("zone.name=example.com"));
    assertEquals(List.of("b2", "d5"), ids("zone.name=EXAMPLE.com"));
    assertEquals(List.of("c3"), ids("zone.name=b%C3%BCcher.example"));
    assertEquals(List.of(), ids("zone.name=com"));
    assertEquals(List.of(), ids("zone.name="), "records without a zone do not match an empty name");
  }

  @Test
  void sinceIsInclusive() {
    assertEquals(List.of("d5", "e6", "f7"), ids("since=2025-12-02T12:00:00Z"));
    assertEquals(List.of("e6", "f7"), ids("since=2025-12-02T12:00:00.000000001Z"));
  }

  @Test
  void beforeIsExclusive() {
    assertEquals(List.of("a1", "b2", "c3", "a4"), ids("before=2025-12-02T12:00:00Z"));
    assertEquals(List.of("a1", "b2", "c3", "a4", "d5"), ids("before=2025-12-02T12:00:00.001Z"));
  }

  @Test
  void fullDateMeansMidnightUtc() {
    assertEquals(List.of("b2", "c3", "a4", "d5", "e6", "f7"), ids("since=2025-12-01"));
    assertEquals(List.of("a1"), ids("before=2025-12-01"));
    assertEquals(List.of("b2", "c3", "a4"), ids("since=2025-12-01&before=2025-12-02"));
  }

  @Test
  void dateTimesWithOffsetsAndFractions() {
    // 01:00+01:00 is midnight UTC.
    assertEquals(List.of("a1"), ids("before=2025-12-01T01:00:00%2B01:00"));
    assertEquals(List.of("a4", "d5", "e6", "f7"), ids("since=2025-12-01T00:00:00.5Z"));
    assertEquals(List.of("a1", "b2", "c3"), ids("before=2025-12-01T00:00:00.5Z"));
    assertEquals(List.of("a1"), ids("before=2025-12-01t00:00:00z"));
  }

  @Test
  void sinceAfterBeforeMatchesNothing() {
    assertEquals(List.of(), ids("since=2025-12-03&before=2025-12-01"));
  }

  @Test
  void hideUserLogsHidesActorTypeUser() {
    assertEquals(List.of("c3", "d5"), ids("hide_user_logs=true"));
    assertEquals(7, ids("hide_user_logs=false").size());
  }

  @Test
  void filtersAreAnded() {
    assertEquals(List.of("a1", "f7"), ids("action.type=login&actor.email=alice@example.com"));
    assertEquals(
        List.of("f7"), ids("action.type=login&actor.email=alice@example.com&since=2025-12-01"));
    assertEquals(List.of(), ids("action.type=purge&hide_user_logs=true&zone.name=example.net"));
  }

  @Test
  void orderIsByWhenThenIdAndDescReversesBoth() {
    assertEquals(
        List.of("f7", "e6", "d5", "a4", "c3", "b2", "a1"),
        Http.get(emulator, "").ids(),
        "default direction is desc");
    assertEquals(
        List.of("f7", "e6", "d5", "a4", "c3", "b2", "a1"),
        Http.get(emulator, "direction=desc").ids());
    assertEquals(List.of("a1", "b2", "c3", "a4", "d5", "e6", "f7"), ids(""));
  }

  @Test
  void unknownParametersAreIgnoredAndTheFirstOfARepeatedOneCounts() {
    assertEquals(List.of("c3"), ids("id=c3&colour=blue&id=a1"));
  }

  @Test
  void groundTruthMatchesWhatIsServed() {
    dev.cfauditlogs.AuditLogQuery query =
        dev.cfauditlogs.AuditLogQuery.builder().actionType("login").hideUserLogs(false).build();
    assertEquals(
        Http.get(emulator, "action.type=login").ids(),
        emulator.records(query).stream()
            .map(log -> log.id().orElseThrow())
            .collect(java.util.stream.Collectors.toList()));
  }
}
