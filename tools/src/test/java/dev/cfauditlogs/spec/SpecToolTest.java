package dev.cfauditlogs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments, output streams and exit codes of the command line. */
class SpecToolTest {
  @TempDir Path temp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void sliceWritesTheSliceToStandardOutput() {
    assertEquals(SpecTool.OK, run("slice", Fixtures.CLOUDFLARE_MIN.toString()));
    assertEquals(
        Fixtures.sliceText(Fixtures.cloudflareMin()), out.toString(StandardCharsets.UTF_8));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void sliceStatsGoToStandardError() {
    Path file = temp.resolve("slice.yaml");
    assertEquals(
        SpecTool.OK,
        run("slice", Fixtures.CLOUDFLARE_MIN.toString(), "--out", file.toString(), "--stats"));
    assertEquals(Fixtures.sliceText(Fixtures.cloudflareMin()), Fixtures.read(file));
    String stats = err.toString(StandardCharsets.UTF_8).trim();
    assertTrue(stats.startsWith("stats: read_ms="), stats);
    assertTrue(SliceStats.parse(stats).containsKey("peak_heap_mib"), stats);
  }

  @Test
  void synthWritesAGeneratedDocument() {
    Path file = temp.resolve("synthetic.json");
    assertEquals(
        SpecTool.OK,
        run(
            "synth",
            "--seed",
            Fixtures.CLOUDFLARE_MIN.toString(),
            "--out",
            file.toString(),
            "--services",
            "3"));
    assertEquals(
        Fixtures.sliceText(Fixtures.cloudflareMin()), Fixtures.sliceText(Fixtures.load(file)));
  }

  @Test
  void usageErrorsExitWithTwoAndOneLine() {
    assertEquals(SpecTool.USAGE, run());
    assertEquals(SpecTool.USAGE, run("frobnicate"));
    assertEquals(SpecTool.USAGE, run("slice"));
    assertEquals(SpecTool.USAGE, run("slice", "a", "b"));
    assertEquals(SpecTool.USAGE, run("update", "a.json"));
    assertEquals(SpecTool.USAGE, run("synth", "--size-mb", "many"));
    assertEquals(SpecTool.USAGE, run("slice", "x.json", "--bogus"));
    String errors = err.toString(StandardCharsets.UTF_8);
    assertTrue(errors.contains("error: unknown command 'frobnicate'"), errors);
    assertTrue(errors.contains("error: update needs --dir DIR"), errors);
    assertTrue(errors.contains("error: --size-mb needs a whole number, not 'many'"), errors);
    assertTrue(errors.contains("error: unknown option --bogus"), errors);
  }

  @Test
  void helpGoesToStandardOutput() {
    assertEquals(SpecTool.OK, run("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: SpecTool <command>"));
  }

  private int run(String... args) {
    return SpecTool.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
