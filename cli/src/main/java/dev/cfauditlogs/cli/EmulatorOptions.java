package dev.cfauditlogs.cli;

import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.FaultKind;
import dev.cfauditlogs.testkit.PaginationMode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** How to set up a built-in emulator: shared by {@code emulator} and {@code demo}. */
final class EmulatorOptions {
  /** The records {@code emulator} serves without {@code --records}. */
  static final int EMULATOR_RECORDS = 1000;

  /** The records {@code demo} serves without {@code --records}. */
  static final int DEMO_RECORDS = 25;

  @Option(
      names = "--records",
      paramLabel = "N",
      description =
          "Synthetic records to serve, 0 (none) up to "
              + Dataset.MAX_SIZE
              + " (default: "
              + EMULATOR_RECORDS
              + " for emulator, "
              + DEMO_RECORDS
              + " for demo).")
  @Nullable Integer records;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Seed of the synthetic data (default ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(
      names = "--fault-rate",
      paramLabel = "0..1",
      defaultValue = "0",
      description = "Fraction of responses that fail (default ${DEFAULT-VALUE}).")
  double faultRate;

  @Option(
      names = "--faults",
      paramLabel = "KIND",
      split = ",",
      description = "Fault kinds: ${COMPLETION-CANDIDATES} (default: all).")
  @Nullable List<FaultKind> faults;

  @Option(
      names = "--latency",
      paramLabel = "DURATION",
      converter = Durations.class,
      description = "Delay added to every response.")
  @Nullable Duration latency;

  @Option(
      names = "--rate-limit",
      paramLabel = "N",
      description = "Requests allowed per --rate-window before 429 (default 1200).")
  @Nullable Integer rateLimit;

  @Option(
      names = "--rate-window",
      paramLabel = "DURATION",
      converter = Durations.class,
      description = "The rate-limit window (default 300s).")
  @Nullable Duration rateWindow;

  @Option(
      names = "--pagination",
      paramLabel = "MODE",
      defaultValue = "NORMAL",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  PaginationMode pagination = PaginationMode.NORMAL;

  @Option(
      names = "--no-result-info",
      description = "Leave result_info out of pages, as the documented example does.")
  boolean noResultInfo;

  @Option(
      names = "--live-appends",
      paramLabel = "PER_SECOND",
      description = "Append new logs at this rate.")
  @Nullable Double liveAppends;

  @Option(
      names = "--retention",
      paramLabel = "PER_SECOND",
      description = "Delete the oldest logs at this rate, as Cloudflare's retention does.")
  @Nullable Double retention;

  @Option(
      names = "--clock-offset",
      paramLabel = "DURATION",
      converter = Durations.Signed.class,
      description =
          "Run the emulator's clock this far ahead of this machine's, e.g. 3m or -1h"
              + " (write --clock-offset=-1h): its Date header and new logs' times.")
  @Nullable Duration clockOffset;

  @Option(
      names = "--recent",
      paramLabel = "DURATION",
      converter = Durations.class,
      description =
          "Spread the synthetic logs over the emulator's last DURATION (default: December 2025).")
  @Nullable Duration recent;

  AuditLogEmulator.Builder builder(int port, int defaultRecords) {
    if (faultRate < 0 || faultRate > 1) {
      throw new Failures.CliException(
          ExitCode.USAGE, "--fault-rate must be between 0 and 1 but was " + faultRate);
    }
    int size = records == null ? defaultRecords : records;
    if (size < 0 || size > Dataset.MAX_SIZE) {
      throw new Failures.CliException(
          ExitCode.USAGE, "--records must be 0 to " + Dataset.MAX_SIZE + " but was " + size);
    }
    AuditLogEmulator.Builder b =
        AuditLogEmulator.builder()
            .port(port)
            .dataset(Dataset.synthetic(seed, size))
            .resultInfo(!noResultInfo)
            .pagination(pagination);
    if (faultRate > 0) {
      b.faults(
          faultRate,
          faults == null ? EnumSet.allOf(FaultKind.class) : EnumSet.copyOf(faults),
          seed);
    }
    if (latency != null) {
      b.latency(latency);
    }
    if (rateLimit != null || rateWindow != null) {
      b.rateLimit(
          rateLimit == null ? 1200 : rateLimit,
          rateWindow == null ? Duration.ofMinutes(5) : rateWindow);
    }
    if (liveAppends != null) {
      b.liveAppends(liveAppends);
    }
    if (retention != null) {
      if (!(retention >= 0 && retention <= 100_000)) {
        throw new Failures.CliException(
            ExitCode.USAGE, "--retention must be between 0 and 100000 but was " + retention);
      }
      b.retention(retention);
    }
    if (clockOffset != null) {
      b.clockOffset(clockOffset);
    }
    if (recent != null) {
      b.recentDataset(seed, size, recent);
    }
    return b;
  }
}
