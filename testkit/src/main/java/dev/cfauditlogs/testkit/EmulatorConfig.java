package dev.cfauditlogs.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything an {@link AuditLogEmulator} was configured with, fixed when {@link
 * AuditLogEmulator.Builder#start()} is called: the emulator and its dispatcher read this value,
 * never the builder, so changing a builder after {@code start()} changes no running emulator.
 *
 * <p>The builder validates every knob; this value only holds them (and resolves the two derived
 * ones, the server's clock and the records to serve). Not to be confused with the JUnit 5
 * annotation {@code dev.cfauditlogs.testkit.junit5.EmulatorSettings}, which fills a builder.
 */
final class EmulatorConfig {
  static final long DEFAULT_SEED = 42;
  static final int DEFAULT_SIZE = 250;

  final int port;
  private final @Nullable Dataset dataset;
  final @Nullable String apiToken;
  final @Nullable String email;
  final @Nullable String apiKey;
  final @Nullable String forbiddenToken;
  final boolean resultInfo;
  final int rateLimitQuota;
  final Duration rateLimitWindow;
  final Duration latency;
  final double faultRate;
  final List<FaultKind> faultKinds;
  final long faultSeed;
  final int failFirstCount;
  final @Nullable FaultKind failFirstKind;
  final Duration slowFaultDelay;
  final Duration faultRetryAfter;
  final PaginationMode pagination;
  final double liveAppendsPerSecond;
  final double retentionPerSecond;
  final List<String> accounts;
  final Set<String> deniedAccounts;

  /** The clock before the offset: rate-limit windows use it. */
  final Clock clock;

  /** The emulator's now: {@link #clock} plus the clock offset. */
  final Clock serverClock;

  private final @Nullable Duration recentSpan;
  private final long recentSeed;
  private final int recentSize;

  EmulatorConfig(AuditLogEmulator.Builder b) {
    this.port = b.port;
    this.dataset = b.dataset;
    this.apiToken = b.apiToken;
    this.email = b.email;
    this.apiKey = b.apiKey;
    this.forbiddenToken = b.forbiddenToken;
    this.resultInfo = b.resultInfo;
    this.rateLimitQuota = b.rateLimitQuota;
    this.rateLimitWindow = b.rateLimitWindow;
    this.latency = b.latency;
    this.faultRate = b.faultRate;
    this.faultKinds = List.copyOf(b.faultKinds);
    this.faultSeed = b.faultSeed;
    this.failFirstCount = b.failFirstCount;
    this.failFirstKind = b.failFirstKind;
    this.slowFaultDelay = b.slowFaultDelay;
    this.faultRetryAfter = b.faultRetryAfter;
    this.pagination = b.pagination;
    this.liveAppendsPerSecond = b.liveAppendsPerSecond;
    this.retentionPerSecond = b.retentionPerSecond;
    this.accounts = List.copyOf(b.accounts);
    this.deniedAccounts = Set.copyOf(b.deniedAccounts);
    this.clock = b.clock;
    this.serverClock = b.clockOffset.isZero() ? b.clock : Clock.offset(b.clock, b.clockOffset);
    this.recentSpan = b.recentSpan;
    this.recentSeed = b.recentSeed;
    this.recentSize = b.recentSize;
  }

  /**
   * The records to serve when the emulator starts at {@code now} (its server clock): the recent
   * data set if one was asked for, else the data set given, else {@code Dataset.synthetic(42,
   * 250)}.
   */
  Dataset dataset(Instant now) {
    if (recentSpan != null) {
      Instant to = now.truncatedTo(ChronoUnit.SECONDS);
      return Dataset.synthetic(recentSeed, recentSize, to.minus(recentSpan), to);
    }
    return dataset != null ? dataset : Dataset.synthetic(DEFAULT_SEED, DEFAULT_SIZE);
  }
}
