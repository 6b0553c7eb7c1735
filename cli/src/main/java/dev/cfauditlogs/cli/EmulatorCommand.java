package dev.cfauditlogs.cli;

import com.squareup.moshi.JsonWriter;
import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.InvalidRequestException;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import okio.Buffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code emulator}: the testkit emulator in the foreground. */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the built-in emulator of the API on 127.0.0.1 until interrupted.",
      "",
      "The first stdout line is one JSON object with base_url, api_token,"
          + " email and api_key (the emulator's own throwaway credentials); a hint"
          + " follows on stderr."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cf-audit-logs emulator --port 8787 --records 5000",
      "  cf-audit-logs emulator --fault-rate 0.2 --faults RATE_LIMITED,SERVER_ERROR",
      "  cf-audit-logs emulator --pagination IGNORES_PAGE --no-result-info",
      "  cf-audit-logs emulator --accounts 3 --deny-account <an id it prints>"
    })
final class EmulatorCommand implements Callable<Integer> {
  /** The most accounts {@code --accounts} serves. */
  static final int MAX_ACCOUNTS = 1000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin EmulatorOptions options;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "Port on 127.0.0.1; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--accounts",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Also serve N accounts' logs (GET /accounts/ID/audit_logs), 0 to "
              + MAX_ACCOUNTS
              + ", each with its own records; their ids (the same for the same --seed) are"
              + " printed on stderr at start (default ${DEFAULT-VALUE}).")
  int accounts;

  @Option(
      names = "--deny-account",
      paramLabel = "ID",
      description =
          "One of the --accounts the emulator's credentials may not read: it answers 403 with"
              + " Cloudflare's code 9109 (repeatable).")
  List<String> deniedAccounts = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--port must be between 0 and 65535 but was " + port);
    }
    if (accounts < 0 || accounts > MAX_ACCOUNTS) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--accounts must be 0 to " + MAX_ACCOUNTS + " but was " + accounts);
    }
    List<String> ids = accountIds(options.seed, accounts);
    for (String denied : deniedAccounts) {
      try {
        AuditLogScope.account(denied); // refused naming the value, bounded and scrubbed
      } catch (InvalidRequestException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--deny-account: " + e.getMessage());
      }
      if (!ids.contains(denied)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--deny-account "
                + denied
                + " is not one of the "
                + accounts
                + " accounts of --accounts (their ids are printed at start)");
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    AuditLogEmulator.Builder builder = options.builder(port, EmulatorOptions.EMULATOR_RECORDS);
    if (!ids.isEmpty()) {
      builder.accounts(ids.toArray(String[]::new));
      builder.deniedAccounts(deniedAccounts.toArray(String[]::new));
    }
    AuditLogEmulator emulator = builder.start();
    try {
      Thread hook =
          new Thread(
              () -> {
                emulator.close();
                stopped.countDown();
              },
              "cf-audit-logs-emulator-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      PrintWriter out = spec.commandLine().getOut();
      out.println(connectionLine(emulator));
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "Emulator serving "
              + emulator.records().size()
              + " records"
              + (ids.isEmpty()
                  ? ""
                  : " (the user's log) and "
                      + ids.size()
                      + (ids.size() == 1 ? " account" : " accounts")
                      + " of as many each")
              + " at "
              + emulator.baseUrl()
              + " — try in another shell:");
      err.println(
          "  CLOUDFLARE_BASE_URL="
              + emulator.baseUrl()
              + " CLOUDFLARE_API_TOKEN=<api_token above> cf-audit-logs list");
      for (String id : ids) {
        err.println(
            "  account "
                + id
                + (deniedAccounts.contains(id) ? " (denied: answers 403, code 9109)" : "")
                + "  -> cf-audit-logs export --account-id "
                + id);
      }
      err.println("Press Ctrl-C to stop.");
      err.flush();
      stopped.await();
    } finally {
      emulator.close();
    }
    return ExitCode.OK;
  }

  /**
   * The {@code n} account ids of {@code --accounts}: 32 lowercase hex characters each, the same for
   * the same seed (a name-based UUID of the seed and the index, without its dashes).
   */
  static List<String> accountIds(long seed, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add(
          UUID.nameUUIDFromBytes(
                  ("cf-audit-logs emulator account " + seed + "/" + i)
                      .getBytes(StandardCharsets.UTF_8))
              .toString()
              .replace("-", ""));
    }
    return ids;
  }

  static String connectionLine(AuditLogEmulator emulator) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.beginObject();
      json.name("base_url").value(emulator.baseUrl());
      json.name("api_token").value(emulator.apiToken());
      json.name("email").value(emulator.email());
      json.name("api_key").value(emulator.apiKey());
      json.endObject();
    }
    return buffer.readUtf8();
  }
}
