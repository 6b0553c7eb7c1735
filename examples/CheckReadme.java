import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the README's code blocks as printed: every region of an example's source between "//
 * README:begin" and "// README:end", without its common indentation, must be one of the README's
 * java blocks word for word. Run by examples/run: java examples/CheckReadme.java README.md examples
 */
public final class CheckReadme {
  public static void main(String[] args) throws IOException {
    List<String> blocks = javaBlocks(Files.readAllLines(Path.of(args[0])));
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Path.of(args[1]))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    int checked = 0;
    int failed = 0;
    for (Path source : sources) {
      for (String region : regions(Files.readAllLines(source))) {
        checked++;
        if (!blocks.contains(region)) {
          failed++;
          System.err.println("examples: " + source + " has a README region that README.md does not print:");
          System.err.println(region);
        }
      }
    }
    if (checked == 0) {
      System.err.println("examples: no README region found under " + args[1]);
      System.exit(1);
    }
    System.out.println("examples: " + checked + " README code blocks match their compiled copies");
    System.exit(failed == 0 ? 0 : 1);
  }

  private static List<String> javaBlocks(List<String> lines) {
    List<String> blocks = new ArrayList<>();
    List<String> block = null;
    for (String line : lines) {
      if (block == null && line.equals("```java")) {
        block = new ArrayList<>();
      } else if (block != null && line.equals("```")) {
        blocks.add(String.join("\n", block));
        block = null;
      } else if (block != null) {
        block.add(line);
      }
    }
    return blocks;
  }

  private static List<String> regions(List<String> lines) {
    List<String> regions = new ArrayList<>();
    List<String> region = null;
    for (String line : lines) {
      if (line.strip().startsWith("// README:begin")) {
        region = new ArrayList<>();
      } else if (line.strip().startsWith("// README:end") && region != null) {
        regions.add(dedent(region));
        region = null;
      } else if (region != null) {
        region.add(line);
      }
    }
    return regions;
  }

  private static String dedent(List<String> lines) {
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream()
        .map(l -> l.isBlank() ? "" : l.substring(indent))
        .collect(Collectors.joining("\n"));
  }
}
