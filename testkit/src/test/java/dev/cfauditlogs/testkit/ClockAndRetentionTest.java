package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.ClockSkew;
import dev.cfauditlogs.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The clock offset, retention and connection-reset knobs, seen from a client. */
class ClockAndRetentionTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T12:00:00.750Z"));

  @Test
  void theClockOffsetShiftsTheDateHeaderAppendsAndRecentRecords() {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .clock(clock)
            .clockOffset(Duration.ofSeconds(180))
            .recentDataset(7, 20, Duration.ofMinutes(10))
            .start()) {
      Instant serverNow = Instant.parse("2026-02-01T12:03:00.750Z");
      assertEquals(serverNow, emulator.now());
      Http.Reply reply = Http.get(emulator, "per_page=50");
      Instant date =
          ZonedDateTime.parse(reply.headers.get("Date"), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
      assertEquals(Instant.parse("2026-02-01T12:03:00Z"), date);
      List<Instant> whens =
          emulator.records().stream().map(EmulatedLog::when).collect(Collectors.toList());
      assertEquals(20, whens.size());
      assertTrue(
          whens.stream()
              .allMatch(
                  w ->
                      !w.isBefore(Instant.parse("2026-02-01T11:53:00Z"))
                          && w.isBefore(Instant.parse("2026-02-01T12:03:00Z"))),
          "the server's last ten minutes: " + whens);
      assertEquals(
          Instant.parse("2026-02-01T12:03:00Z"), emulator.appendSynthetic(1).get(0).when());
      assertEquals(serverNow, emulator.requests().get(0).receivedAt());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "3600, ASC",
    "3600, DESC",
    "180, ASC",
    "180, DESC",
    "-180, ASC",
    "-180, DESC",
    "-3600, ASC",
    "-3600, DESC"
  })
  void aClientDeliversTheServersLastTenMinutesWhateverTheOffset(long seconds, Direction dir) {
    List<ClockSkew> reported = new CopyOnWriteArrayList<>();
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder()
                .clockOffset(Duration.ofSeconds(seconds))
                .recentDataset(3, 20, Duration.ofMinutes(10))
                .start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .onClockSkew(reported::add)
                .build()) {
      AuditLogQuery query = AuditLogQuery.builder().direction(dir).perPage(6).build();
      List<String> got = new ArrayList<>();
      client.paginate(query).forEach(log -> got.add(log.id().orElseThrow()));
      assertEquals(ids(emulator.records(query)), got);
      assertEquals(20, got.size());
      assertEquals(1, reported.size());
      assertTrue(Math.abs(reported.get(0).offset().toSeconds() - seconds) <= 2, "" + reported);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ASC", "DESC"})
  void survivorsOfRetentionRunningDuringAnIterationAreDeliveredOnce(Direction direction) {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder()
                .dataset(Dataset.synthetic(11, 3000))
                .latency(Duration.ofMillis(5))
                .retention(2000)
                .start();
        AuditLogsClient client =
            AuditLogsClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiToken(emulator.apiToken())
                .build()) {
      Set<String> atStart = new HashSet<>(ids(emulator.records()));
      List<String> got = new ArrayList<>();
      for (AuditLog log :
          client.paginate(AuditLogQuery.builder().direction(direction).perPage(20).build())) {
        got.add(log.id().orElseThrow());
      }
      Set<String> survivors = new HashSet<>(ids(emulator.records()));
      assertTrue(survivors.size() < atStart.size(), "retention ran meanwhile");
      assertEquals(new HashSet<>(got).size(), got.size(), "no duplicates");
      assertTrue(atStart.containsAll(got));
      List<String> lost = new ArrayList<>(survivors);
      lost.removeAll(got);
      assertEquals(List.of(), lost, "every record that survived was delivered");
    }
  }

  @Test
  void deleteOldestRemovesTheOldestRecords() {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.synthetic(5, 30)).start()) {
      List<EmulatedLog> before = emulator.records(); // newest first
      assertEquals(4, emulator.deleteOldest(4));
      assertEquals(before.subList(0, 26), emulator.records());
      assertEquals(26, emulator.deleteOldest(100));
      assertEquals(List.of(), emulator.records());
      assertThrows(IllegalArgumentException.class, () -> emulator.deleteOldest(-1));
    }
  }

  @Test
  void retentionDeletesInTheBackgroundUntilClosed() throws InterruptedException {
    AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.synthetic(5, 200)).retention(1000).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (emulator.records().size() > 150 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    emulator.close();
    int after = emulator.records().size();
    assertTrue(after <= 150, "deleted: " + (200 - after));
    Thread.sleep(50);
    assertEquals(after, emulator.records().size());
  }

  @Test
  void anInjectedConnectionResetIsATcpReset() throws IOException {
    try (AuditLogEmulator emulator =
            AuditLogEmulator.builder().faults(1.0, Set.of(FaultKind.CONNECTION_RESET), 1).start();
        Socket socket = new Socket("127.0.0.1", emulator.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /client/v4/user/audit_logs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + emulator.apiToken()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      SocketException e = assertThrows(SocketException.class, () -> in.read());
      assertTrue(
          e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("reset"), e.getMessage());
      assertEquals(0, emulator.requests().get(0).status());
    }
  }

  private static List<String> ids(List<EmulatedLog> logs) {
    return logs.stream().map(l -> l.id().orElseThrow()).collect(Collectors.toList());
  }
}
