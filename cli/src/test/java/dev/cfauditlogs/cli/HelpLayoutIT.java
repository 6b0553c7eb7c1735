package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command's {@code --help} rendered in-process by {@link Main#run} (what the jar's {@code
 * main} calls; {@link #theJarsHelpIsTheInProcessHelp} proves the jar prints the same, following
 * {@code COLUMNS}), at 80 columns, at a wide terminal and with no COLUMNS at all (picocli's auto
 * width, which finds no terminal here and falls back to 80): no line is wider than the terminal,
 * and no URL or example command is split across lines. What a URL or an example is comes from the
 * same help rendered 1000 columns wide, where nothing wraps.
 */
class HelpLayoutIT {
  private static final Pattern URL = Pattern.compile("https?://[^\\s)]+");

  private static String[] help(String command) {
    return command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
  }

  private static List<String> render(String command, Map<String, String> env) {
    JarRunner.Result r = InProcess.run(env, help(command));
    assertEquals(0, r.exitCode(), r.all());
    return List.of(r.stdout().split("\n"));
  }

  private static Set<String> urls(List<String> lines) {
    Set<String> urls = new LinkedHashSet<>();
    for (String line : lines) {
      Matcher m = URL.matcher(line);
      while (m.find()) {
        urls.add(m.group());
      }
    }
    return urls;
  }

  /**
   * The lines of the help that show a command to type (examples, and the root's "Try it …" and
   * completion lines), each with its {@code \} continuation lines; not the synopsis or options.
   */
  private static List<String> examples(List<String> lines) {
    List<String> examples = new ArrayList<>();
    boolean continued = false;
    for (String line : lines) {
      boolean command =
          line.contains("cf-audit-logs ")
              && !line.startsWith("Usage:")
              && !line.stripLeading().startsWith("-")
              && !line.startsWith(" ".repeat(10));
      if (command || continued) {
        examples.add(line.stripTrailing());
      }
      continued = line.stripTrailing().endsWith("\\");
    }
    return examples;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "list", "export", "follow", "emulator", "demo"})
  void noUrlOrExampleIsSplitAtAnyWidth(String command) {
    List<String> unwrapped = render(command, Map.of("COLUMNS", "1000"));
    Set<String> urls = urls(unwrapped);
    List<String> examples = examples(unwrapped);
    assertFalse(examples.isEmpty(), "examples in: " + unwrapped);
    if (List.of("", "list", "export", "follow").contains(command)) {
      assertTrue(urls.contains("https://api.cloudflare.com/client/v4"), unwrapped.toString());
    }
    for (int width : new int[] {80, 100, 132, 200}) {
      List<String> lines = render(command, Map.of("COLUMNS", String.valueOf(width)));
      String shown = width + " columns:\n" + String.join("\n", lines);
      for (String line : lines) {
        assertTrue(line.length() <= width, "wider than " + shown);
      }
      assertEquals(urls, urls(lines), shown);
      List<String> trimmed = lines.stream().map(String::stripTrailing).toList();
      for (String example : examples) {
        assertTrue(trimmed.contains(example), "'" + example + "' whole on a line at " + shown);
      }
    }
    // No COLUMNS: picocli sizes help to the terminal; with none (as here) it uses 80.
    List<String> auto = render(command, Map.of());
    for (String line : auto) {
      assertTrue(line.length() <= 80, "wider than 80:\n" + String.join("\n", auto));
    }
    assertEquals(urls, urls(auto));
  }

  /**
   * The prose of each help (a command's description and footer: the lines that start at the left
   * margin) wraps as a paragraph does at every width: where a line breaks mid-sentence, the next
   * line's first word would not have fitted on it. Text broken by hand at one width fails this at
   * another: at 80 columns a hand-made line of 81 leaves a word alone on a line ("its part\nis\n
   * read"), at a wide terminal a hand-made line ends far short of the edge.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "list", "export", "follow", "emulator", "demo"})
  void proseWrapsAsAParagraphAtAnyWidth(String command) {
    for (int width : new int[] {80, 100, 132, 200}) {
      List<String> lines = render(command, Map.of("COLUMNS", String.valueOf(width)));
      String shown = width + " columns:\n" + String.join("\n", lines);
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i - 1).stripTrailing();
        String next = lines.get(i);
        if (!prose(line) || !prose(next) || line.matches(".*[.:;!?]")) {
          continue; // a sentence may end a line; lines that are not prose are laid out apart
        }
        String word = next.split("\\s+", 2)[0];
        // picocli leaves the last column free: a line of prose holds at most width - 1 characters
        assertTrue(
            line.length() + 1 + word.length() >= width,
            "'" + word + "' would have fitted on '" + line + "' at " + shown);
      }
    }
  }

  /**
   * A line of prose: starting at the left margin, not the synopsis, and not laid out by hand with
   * runs of spaces (such as the root's "Try it without an account: cf-audit-logs demo").
   */
  private static boolean prose(String line) {
    return !line.isBlank()
        && !Character.isWhitespace(line.charAt(0))
        && !line.startsWith("Usage:")
        && !line.strip().contains("  ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"120", "200"})
  void aWideTerminalGetsWideHelp(String columns) {
    List<String> lines = render("export", Map.of("COLUMNS", columns));
    int widest = lines.stream().mapToInt(String::length).max().orElse(0);
    assertTrue(widest > 80 && widest <= Integer.parseInt(columns), widest + ": " + lines);
  }

  /**
   * The one case through the real jar: its help at a given {@code COLUMNS} is the in-process help
   * at that width, line for line (so the cases above hold for the jar), and differs from the help
   * at another width (so {@code COLUMNS} is followed, not ignored).
   */
  @Test
  void theJarsHelpIsTheInProcessHelp() {
    Map<String, String> env = Map.of("COLUMNS", "132");
    JarRunner.Result jar = JarRunner.run(env, help("export"));
    assertEquals(0, jar.exitCode(), jar.all());
    assertEquals(InProcess.run(env, help("export")).stdout(), jar.stdout());
    assertNotEquals(InProcess.run(Map.of("COLUMNS", "80"), help("export")).stdout(), jar.stdout());
  }
}
