package dev.cfauditlogs.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The check of a module's README.md, for each module's {@code ReadmeCodeTest} to extend (JUnit runs
 * these tests in the module's directory): every Java example in the README is compiled and run as
 * printed, since each {@code java} block is, character for character, a whole test source file or
 * the lines between {@code // README-START} and {@code // README-END} in one (dedented); every such
 * marked region is shown in the README, so neither can change without the other; README links stay
 * inside the repository and reach a file.
 *
 * <p>Shared through the testkit's test jar (this package only), so that testkit and testkit-junit5
 * check their READMEs with one piece of code. Its package is in no module: the modules' own tests
 * are compiled into their modules, and this class is read from the class path.
 */
public abstract class ReadmeCodeCheck {
  private static final Path README = Path.of("README.md");
  private static final Path TESTS = Path.of("src/test/java");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern REGION =
      Pattern.compile("\\n[ ]*// README-START\\n(.*?\\n)[ ]*// README-END", Pattern.DOTALL);

  /** For a module's {@code ReadmeCodeTest}. */
  protected ReadmeCodeCheck() {}

  /** Each {@code java} block of README.md is a test source or a marked region, and vice versa. */
  @Test
  public void everyJavaBlockIsACompiledTestSourceAndEveryMarkedRegionIsShown() throws IOException {
    String readme = Files.readString(README);
    List<String> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(readme);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertFalse(blocks.isEmpty(), "README.md shows Java examples");
    List<String> files = new ArrayList<>();
    List<String> regions = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(TESTS)) {
      for (Path p :
          paths.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
        String source = Files.readString(p);
        files.add(source);
        Matcher r = REGION.matcher(source);
        while (r.find()) {
          regions.add(dedent(r.group(1).stripTrailing()));
        }
      }
    }
    for (String block : blocks) {
      assertTrue(
          files.contains(block) || regions.contains(block),
          "this README example is no compiled test source (a whole file, or a README-START/END"
              + " region):\n"
              + block);
    }
    for (String region : regions) {
      assertTrue(
          blocks.contains(region), "this README-START/END region is not in README.md:\n" + region);
    }
  }

  /** Each relative link of README.md reaches a file inside the repository. */
  @Test
  public void everyRelativeLinkStaysInsideTheRepository() throws IOException {
    Path repository = Path.of("..").toRealPath();
    Matcher link = Pattern.compile("\\]\\(([^)#]+)[^)]*\\)").matcher(Files.readString(README));
    while (link.find()) {
      String target = link.group(1);
      assertFalse(target.contains("://"), "link outside the repository: " + target);
      Path resolved = Path.of("").toAbsolutePath().resolve(target).normalize();
      assertTrue(resolved.startsWith(repository), "link outside the repository: " + target);
      assertTrue(Files.exists(resolved), "link to a missing file: " + target);
    }
  }

  private static String dedent(String region) {
    int indent =
        region
            .lines()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return region
        .lines()
        .map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
