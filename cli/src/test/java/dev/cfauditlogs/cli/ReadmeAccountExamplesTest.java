package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.Direction;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.EmulatedLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's several-accounts commands, word for word (relative paths moved into a temporary
 * directory; {@code follow} given {@code --once} so that it ends), run against an emulator holding
 * the accounts they name: each must succeed and write every account's records.
 */
class ReadmeAccountExamplesTest {
  @TempDir Path dir;

  /** The commands of the README's {@code sh} block under "Several accounts", one a line. */
  static List<String[]> commands() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("- **Several accounts**");
    assertTrue(section >= 0, "the README has the section");
    int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
    String block = readme.substring(start, readme.indexOf("```", start));
    List<String[]> commands = new ArrayList<>();
    for (String command : block.replace("\\\n", " ").strip().split("\n")) {
      commands.add(command.strip().split("\\s+"));
    }
    return commands;
  }

  @Test
  void theSeveralAccountsExamplesRunAsWritten() throws IOException {
    List<String[]> commands = commands();
    assertEquals(3, commands.size(), "export to a directory, to CSV, follow");
    Set<String> ids = new TreeSet<>();
    for (String[] command : commands) {
      assertEquals("cf-audit-logs", command[0]);
      for (int i = 1; i < command.length - 1; i++) {
        if (command[i].equals("--account-id")) {
          ids.add(command[i + 1]);
        }
      }
    }
    assertEquals(2, ids.size(), ids.toString());
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(Dataset.synthetic(5, 12))
            .accounts(ids.toArray(String[]::new))
            .start()) {
      java.util.Map<String, String> env = JarRunner.env(emulator.baseUrl(), emulator.apiToken());
      for (String[] command : commands) {
        List<String> args = new ArrayList<>();
        for (int i = 1; i < command.length; i++) {
          String arg = command[i];
          boolean path =
              i > 1 && List.of("--output-dir", "--output", "--checkpoint").contains(command[i - 1]);
          args.add(path ? dir.resolve(arg).toString() : arg);
        }
        if (args.get(0).equals("follow")) {
          args.add("--once");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
            Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), env);
        assertEquals(0, code, String.join(" ", command) + ": " + err);
      }
      for (String id : ids) {
        List<String> desc = truth(emulator, id, Direction.DESC);
        assertTrue(desc.size() > 0);
        // the export, then the follow appending the same records oldest first
        List<String> expected = new ArrayList<>(desc);
        expected.addAll(truth(emulator, id, Direction.ASC));
        assertEquals(expected, Files.readAllLines(dir.resolve("audit").resolve(id + ".jsonl")));
      }
      List<String> csv = Files.readAllLines(dir.resolve("audit.csv"));
      assertEquals(
          1 + truth(emulator, ids.iterator().next(), Direction.DESC).size() * 2,
          csv.stream().filter(l -> !l.isEmpty()).count(),
          "a header and every record of both accounts (as many each)");
    }
  }

  private static List<String> truth(AuditLogEmulator emulator, String id, Direction direction) {
    return emulator
        .records(
            AuditLogQuery.builder().scope(AuditLogScope.account(id)).direction(direction).build())
        .stream()
        .map(EmulatedLog::json)
        .toList();
  }
}
