package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code list}'s table, run in-process by {@link Main#run} (what the jar's {@code main} calls; the
 * jar prints the same table, {@link #theJarPrintsTheSameTable}, and without COLUMNS it runs through
 * the jar, where the terminal is looked for), with records whose cells are far wider than a
 * terminal: WHEN and ID are never cut at any width, the table fits COLUMNS (else 120 when there is
 * no terminal, as here), the other columns give way (left out, said on stderr, or cut with "…"),
 * and {@code --wide} cuts nothing.
 */
class TableWidthIT {
  private static final String EMAIL =
      "a.very.long.actor.address.for.the.table.test@audit-department.example.com";
  private static final String ACTION = "account_membership_role_assignment_update";
  private static final String IP = "2001:db8:85a3:1234:5678:8a2e:370:7334";
  private static final String ZONE = "a-zone-name-wider-than-most.example.com";
  private static final String RESOURCE = "account_membership_bulk_role";
  private static final List<String> IDS =
      List.of("00000000-0000-4000-8000-000000000401", "00000000-0000-4000-8000-000000000402");
  private static final List<String> WHENS =
      List.of("2026-07-01T10:00:03.123456Z", "2026-07-01T10:00:02Z");
  private static final List<String> HEADERS =
      List.of("WHEN", "ACTION", "OK", "ACTOR", "IP", "ZONE", "RESOURCE", "ID");

  static AuditLogEmulator emulator;
  static Map<String, String> env;

  private static String record(int i) {
    return "{\"action\":{\"result\":true,\"type\":\""
        + ACTION
        + "\"},\"actor\":{\"email\":\""
        + EMAIL
        + "\",\"id\":\"a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6\",\"ip\":\""
        + IP
        + "\",\"type\":\"user\"},\"id\":\""
        + IDS.get(i)
        + "\",\"interface\":\"API\",\"metadata\":{\"zone_name\":\""
        + ZONE
        + "\"},\"newValue\":\"\",\"oldValue\":\"\",\"owner\":{\"id\":\"b1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6\"},"
        + "\"resource\":{\"id\":\"10715065311\",\"type\":\""
        + RESOURCE
        + "\"},\"when\":\""
        + WHENS.get(i)
        + "\"}";
  }

  @BeforeAll
  static void start() {
    emulator =
        AuditLogEmulator.builder().dataset(Dataset.of(List.of(record(0), record(1)))).start();
    env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static JarRunner.Result list(String columns, String... more) {
    return list(InProcess::run, columns, more);
  }

  /** How a case runs the command line: in-process or the real jar. */
  @FunctionalInterface
  private interface Runner {
    JarRunner.Result run(Map<String, String> env, String... args);
  }

  private static JarRunner.Result list(Runner runner, String columns, String... more) {
    Map<String, String> e = new HashMap<>(env);
    if (columns != null) {
      e.put("COLUMNS", columns);
    }
    String[] args = new String[more.length + 1];
    args[0] = "list";
    System.arraycopy(more, 0, args, 1, more.length);
    JarRunner.Result r = runner.run(e, args);
    assertEquals(0, r.exitCode(), r.all());
    assertEquals(3, r.lines().size(), r.stdout());
    return r;
  }

  private static void assertWhenAndIdWhole(JarRunner.Result r) {
    List<String> lines = r.lines();
    assertTrue(lines.get(0).startsWith("WHEN"), r.stdout());
    assertTrue(lines.get(0).endsWith("ID"), r.stdout());
    for (int i = 0; i < 2; i++) {
      String row = lines.get(i + 1);
      assertTrue(row.startsWith(WHENS.get(i) + " "), "whole WHEN in: " + row);
      assertTrue(row.endsWith(" " + IDS.get(i)), "whole ID in: " + row);
    }
  }

  private static void assertFits(JarRunner.Result r, int width) {
    for (String line : r.lines()) {
      assertTrue(line.length() <= width, line.length() + " > " + width + ":\n" + r.stdout());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {80, 100, 110})
  void narrowTerminalsKeepWhenAndIdWholeAndSayWhatWasLeftOut(int width) {
    JarRunner.Result r = list(String.valueOf(width));
    assertWhenAndIdWhole(r);
    assertFits(r, width);
    List<String> header = List.of(r.lines().get(0).split("\\s+"));
    assertTrue(header.containsAll(List.of("WHEN", "ID")), header.toString());
    List<String> leftOut = HEADERS.stream().filter(h -> !header.contains(h)).toList();
    assertFalse(leftOut.isEmpty(), r.stdout());
    assertTrue(
        r.stderr().contains(String.join(", ", leftOut) + " left out"), leftOut + ": " + r.stderr());
    assertTrue(r.stderr().contains("--wide"), r.stderr());
  }

  @Test
  void aWideTerminalShowsEveryColumnCuttingOnlyTheOthers() {
    JarRunner.Result r = list("200");
    assertWhenAndIdWhole(r);
    assertFits(r, 200);
    assertEquals(HEADERS, List.of(r.lines().get(0).split("\\s+")));
    assertTrue(r.stdout().contains("…"), r.stdout()); // about 300 columns of cells
    assertFalse(r.stderr().contains("left out"), r.stderr());
  }

  @Test
  void theJarPrintsTheSameTable() {
    assertEquals(list("80"), list(JarRunner::run, "80"));
  }

  @Test
  void noTerminalAndNoColumnsMeans120() {
    JarRunner.Result r = list(JarRunner::run, null);
    assertWhenAndIdWhole(r);
    assertFits(r, 120);
    assertTrue(r.lines().stream().anyMatch(l -> l.length() > 100), r.stdout());
  }

  @Test
  void wideCutsNothingForPipes() {
    JarRunner.Result r = list("80", "--wide");
    assertWhenAndIdWhole(r);
    assertEquals(HEADERS, List.of(r.lines().get(0).split("\\s+")));
    assertFalse(r.stdout().contains("…"), r.stdout());
    for (String cell : List.of(EMAIL, ACTION, IP, ZONE, RESOURCE)) {
      assertEquals(2, r.stdout().split(java.util.regex.Pattern.quote(cell), -1).length - 1, cell);
    }
    assertEquals("", r.stderr());
  }
}
