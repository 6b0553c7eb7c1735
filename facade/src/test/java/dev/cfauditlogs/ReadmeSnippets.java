package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Keeps a README example word for word the same as the compiled class it comes from. */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /**
   * Asserts that README.md contains the lines of {@code className}'s source between the comments
   * {@code // MARKER-START} and {@code // MARKER-END}, dedented by one method level.
   */
  static void assertReadmeShows(String className, String marker) throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/dev/cfauditlogs/" + className + ".java"));
    String body =
        source.substring(
            source.indexOf('\n', source.indexOf("// " + marker + "-START")) + 1,
            source.indexOf("    // " + marker + "-END"));
    String dedented =
        body.lines()
            .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
            .collect(Collectors.joining("\n", "", "\n"));
    String readme = Files.readString(Path.of("..", "README.md"));
    assertTrue(
        readme.contains(dedented),
        "README.md must contain the example from " + className + ".java exactly:\n" + dedented);
  }
}
