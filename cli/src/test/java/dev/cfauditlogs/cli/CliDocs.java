package dev.cfauditlogs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the CLI's documents from its picocli model, run by the build ({@code exec:java} in the
 * {@code package} phase of cli/pom.xml): the man pages as AsciiDoc ({@code cf-audit-logs.adoc} and
 * one {@code cf-audit-logs-COMMAND.adoc} per command, picocli-codegen's {@link ManPageGenerator})
 * and the bash/zsh completion script {@code cf-audit-logs_completion} (picocli's {@link
 * AutoComplete}, the same script {@code cf-audit-logs generate-completion} prints).
 */
public final class CliDocs {
  /** The man page's heading of the root's footer (credentials, API, exit codes, completion). */
  static final String ROOT_FOOTER_HEADING = "Environment, exit codes and completion";

  private CliDocs() {}

  /**
   * @param args the directory to write into (created if missing)
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    CommandLine cli = Main.commandLine(new RootCommand(Map.of(), Clock.systemUTC(), null), true);
    // picocli's generator writes a footer only under a heading, which the root's help has none of
    cli.getCommandSpec().usageMessage().footerHeading(ROOT_FOOTER_HEADING);
    int code =
        ManPageGenerator.generateManPage(
            dir.toFile(), null, new boolean[0], true, cli.getCommandSpec());
    if (code != 0) {
      throw new IOException("picocli's man page generator ended with " + code);
    }
    try (PrintWriter out =
        new PrintWriter(
            Files.newBufferedWriter(
                dir.resolve("cf-audit-logs_completion"), StandardCharsets.UTF_8))) {
      out.println(AutoComplete.bash("cf-audit-logs", cli)); // as generate-completion prints it
    }
  }
}
