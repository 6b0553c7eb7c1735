package dev.cfauditlogs.spec;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates a synthetic upstream document of a given size, as JSON and as YAML, and slices each in
 * a fresh JVM (default heap, then a small fixed heap), timing it. Prints a Markdown table for
 * {@code openapi/README.md}. Nothing here asserts on time.
 */
final class Benchmark {
  static final long MB = 1_000_000L;

  /** The heaps each input is sliced with: the JVM's default, and a small fixed one. */
  private static final List<String> HEAPS = List.of("", "-Xmx256m");

  private Benchmark() {}

  static String run(Map<String, Object> seed, int sizeMb, Path dir, PrintStream log)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    byte[] expected = YamlWriter.write(Slicer.slice(seed)).getBytes(StandardCharsets.UTF_8);
    List<String> rows = new ArrayList<>();
    for (boolean json : new boolean[] {true, false}) {
      String format = json ? "JSON" : "YAML";
      long start = System.nanoTime();
      Map<String, Object> doc = SyntheticUpstream.ofSize(seed, sizeMb * MB, json);
      Path input = dir.resolve("synthetic-" + sizeMb + "mb." + format.toLowerCase(Locale.ROOT));
      SyntheticUpstream.write(doc, input, json);
      log.printf(
          Locale.ROOT,
          "benchmark: generated %s (%,d bytes, %,d paths, %,d components) in %.1f s%n",
          input,
          Files.size(input),
          Trees.map(doc, "paths").size(),
          components(doc),
          (System.nanoTime() - start) / 1e9);
      doc = null; // let the generator's tree go before the children run
      for (String heap : HEAPS) {
        Path output = dir.resolve("slice-" + format.toLowerCase(Locale.ROOT) + ".yaml");
        Files.deleteIfExists(output);
        long t0 = System.nanoTime();
        Map<String, Long> stats = slice(input, output, heap, log);
        double wall = (System.nanoTime() - t0) / 1e9;
        boolean same = Arrays.equals(expected, Files.readAllBytes(output));
        rows.add(
            String.format(
                Locale.ROOT,
                "| %s | %.1f MB | %s | %.1f s | %.1f s | %.1f s | %,d MiB | %s |",
                format,
                Files.size(input) / (double) MB,
                heap.isEmpty() ? "default (" + stats.get("max_heap_mib") + " MiB)" : heap,
                wall,
                stats.get("parse_ms") / 1000.0,
                (stats.get("read_ms") + stats.get("slice_ms") + stats.get("write_ms")) / 1000.0,
                stats.get("peak_heap_mib"),
                same ? "yes" : "NO"));
      }
    }
    StringBuilder table = new StringBuilder();
    table.append(
        "| input | size | heap | wall (JVM start to exit) | parse | read + slice + write |"
            + " peak heap used | slice = fixture's |\n");
    table.append("|---|---|---|---|---|---|---|---|\n");
    rows.forEach(row -> table.append(row).append('\n'));
    table.append(
        String.format(
            Locale.ROOT,
            "\n%d cores, Java %s (%s), %s, load average %.1f at the end\n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("java.vm.name"),
            System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return table.toString();
  }

  private static int components(Map<String, Object> doc) {
    int count = 0;
    for (Object kind : Trees.map(doc, "components").values()) {
      count += kind instanceof Map ? Trees.asMap(kind).size() : 0;
    }
    return count;
  }

  /** Slices {@code input} in a child JVM and returns its {@link SliceStats}. */
  private static Map<String, Long> slice(Path input, Path output, String heap, PrintStream log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!heap.isEmpty()) {
      command.add(heap);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SpecTool.class.getName());
    command.addAll(List.of("slice", input.toString(), "--out", output.toString(), "--stats"));
    Process process =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = process.waitFor();
    String line = stderr.lines().filter(l -> l.startsWith("stats:")).findFirst().orElse(null);
    if (code != 0 || line == null) {
      throw new IllegalStateException(
          "slicing " + input + " with heap '" + heap + "' failed (" + code + "): " + stderr);
    }
    log.println(
        "benchmark: "
            + input.getFileName()
            + " "
            + (heap.isEmpty() ? "default heap" : heap)
            + " "
            + line);
    return SliceStats.parse(line);
  }
}
