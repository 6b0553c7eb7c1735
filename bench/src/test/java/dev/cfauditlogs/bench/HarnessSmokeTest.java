package dev.cfauditlogs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs every harness on a tiny size so that they keep working. Nothing here looks at a time: the
 * figures belong in the README, measured with the runnable jar.
 */
class HarnessSmokeTest {
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

  @Test
  void decode() {
    // JMH refuses to start while another JMH run holds /tmp/jmh.lock (so that two benchmarks do not
    // disturb each other's figures); a smoke run measures nothing, and CI builds two trees at once.
    System.setProperty("jmh.ignoreLock", "true");
    List<DecodeRun.Round> rounds =
        DecodeRun.run(Args.parse(List.of("--smoke"), DecodeRun.OPTIONS, DecodeRun.FLAGS), out);
    assertEquals(1, rounds.size());
    assertTrue(rounds.get(0).ratio() > 0, text());
    assertTrue(text().contains("decode summary"), text());
  }

  @Test
  void export() {
    ExportBench.Result result =
        ExportBench.run(
            Args.parse(
                List.of(
                    "--records",
                    "2500",
                    "--latency-ms",
                    "2",
                    "--per-page",
                    "1000,100",
                    "--concurrency",
                    "4"),
                ExportBench.OPTIONS,
                Set.of()),
            out);
    assertEquals(4, result.runs().size());
    for (ExportBench.Run run : result.runs()) {
      assertEquals(2500, run.records(), run.toString());
      assertEquals(0, run.duplicates(), run.toString());
    }
  }

  @Test
  void memory() {
    MemoryBench.Result result =
        MemoryBench.run(
            Args.parse(List.of("--records", "20000"), MemoryBench.OPTIONS, Set.of()), out);
    assertTrue(result.passed(), text());
  }

  @Test
  void pacing() {
    PacingBench.Result result =
        PacingBench.run(
            Args.parse(
                List.of("--quota", "5", "--window-s", "1", "--windows", "2"),
                PacingBench.OPTIONS,
                Set.of()),
            out);
    assertTrue(result.total() > 0, text());
    assertFalse(result.perServerWindow().isEmpty(), text());
  }

  @Test
  void unknownOptionsAreRefused() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> Args.parse(List.of("--recods", "5"), ExportBench.OPTIONS, Set.of()));
    assertTrue(e.getMessage().contains("--recods"), e.getMessage());
  }

  private String text() {
    return output.toString(StandardCharsets.UTF_8);
  }
}
