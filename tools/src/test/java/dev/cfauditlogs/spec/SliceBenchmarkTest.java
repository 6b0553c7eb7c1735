package dev.cfauditlogs.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark behind the figure in {@code openapi/README.md}; runs only with {@code -Pbenchmark}.
 * It checks that the big documents slice to the fixture's slice and prints the timings; it does not
 * assert on time.
 */
@Tag("benchmark")
class SliceBenchmarkTest {
  @Test
  void slicesAGeneratedUpstreamDocumentAsJsonAndAsYaml() throws IOException, InterruptedException {
    int sizeMb = Integer.parseInt(System.getProperty("benchmark.sizeMb", "30"));
    Path dir = Path.of(System.getProperty("benchmark.dir", "target/benchmark"));

    String table = Benchmark.run(Fixtures.cloudflareMin(), sizeMb, dir, System.out);

    Files.writeString(dir.resolve("benchmark.md"), table);
    System.out.println(table);
    assertFalse(table.contains("| NO |"), table);
  }
}
