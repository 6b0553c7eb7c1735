package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shell completion and man pages: {@code generate-completion} through the real jar, and what the
 * build wrote into {@code target/generated-docs} (CliDocs, in the package phase, before these
 * tests).
 */
class CompletionAndManPageIT {
  private static final Path DOCS =
      JarRunner.JAR.toAbsolutePath().getParent().resolve("generated-docs");

  @Test
  void generateCompletionPrintsABashScriptForEveryCommandAndOption() throws IOException {
    JarRunner.Result r = JarRunner.run(Map.of(), "generate-completion");
    assertEquals(0, r.exitCode(), r.all());
    assertEquals("", r.stderr());
    assertTrue(r.stdout().startsWith("#!/usr/bin/env bash"), r.stdout());
    assertTrue(r.stdout().contains("complete -F _complete_cf-audit-logs"), r.stdout());
    for (String word :
        List.of(
            "list",
            "export",
            "follow",
            "emulator",
            "demo",
            "--wide",
            "--concurrency",
            "--checkpoint",
            "--max-retries",
            "--base-url")) {
      assertTrue(r.stdout().contains(word), word);
    }
    // the build's copy is the same script
    assertEquals(
        r.stdout().stripTrailing(),
        Files.readString(DOCS.resolve("cf-audit-logs_completion")).stripTrailing());
  }

  @Test
  void theRootHelpListsEveryCommandAndSaysHowToGetCompletion() {
    for (String help : List.of("--help", "-h")) {
      JarRunner.Result r = JarRunner.run(Map.of(), help);
      assertEquals(0, r.exitCode(), r.all());
      assertTrue(r.stdout().contains("source <(cf-audit-logs generate-completion)"), r.stdout());
      for (String command :
          List.of("list", "export", "follow", "emulator", "demo", "generate-completion")) {
        assertTrue(r.stdout().contains("\n  " + command + " "), command + " in: " + r.stdout());
      }
    }
    JarRunner.Result none = JarRunner.run(Map.of());
    assertEquals(2, none.exitCode(), none.all());
    assertTrue(none.stderr().contains("generate-completion"), none.stderr());
  }

  @Test
  void theBuildWritesAnAsciiDocManPageForEachCommand() throws IOException {
    for (String command : List.of("list", "export", "follow", "emulator", "demo")) {
      String page = Files.readString(DOCS.resolve("cf-audit-logs-" + command + ".adoc"));
      assertTrue(page.contains("= cf-audit-logs-" + command + "(1)"), page);
      assertTrue(page.contains("== Synopsis"), page);
      assertTrue(page.contains("cf-audit-logs " + command), page);
    }
    String root = Files.readString(DOCS.resolve("cf-audit-logs.adoc"));
    assertTrue(root.contains("== Commands"), root);
    for (String command : List.of("list", "export", "follow", "emulator", "demo")) {
      assertTrue(root.contains("cf-audit-logs-" + command), command + " in: " + root);
    }
    assertTrue(root.contains("cf-audit-logs-generate-completion"), root);
    // the root's footer: credentials, exit codes and completion, as its --help says them
    assertTrue(root.contains("== " + CliDocs.ROOT_FOOTER_HEADING), root);
    for (String said :
        List.of("CLOUDFLARE_API_TOKEN", "Exit codes: 0 success", "generate-completion)")) {
      assertTrue(root.contains(said), said + " in: " + root);
    }
    assertTrue(Files.readString(DOCS.resolve("cf-audit-logs-list.adoc")).contains("--wide"));
  }
}
