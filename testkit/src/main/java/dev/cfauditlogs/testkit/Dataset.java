package dev.cfauditlogs.testkit;

import dev.cfauditlogs.AuditLogScope;
import dev.cfauditlogs.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The audit-log records an emulator starts with: {@linkplain #synthetic(long, int, Instant,
 * Instant) synthetic} ones from a seed, or {@linkplain #of(List) your own} JSON records. Immutable.
 *
 * <p>Synthetic records look like Cloudflare's: user, admin and Cloudflare actors with IPv4 and IPv6
 * addresses and emails, zones in {@code metadata.zone_name}, resources, {@code interface}, {@code
 * oldValue}/{@code newValue}. On purpose, some records share their second, some carry members the
 * spec does not list ({@code account}, {@code actor.token}), some lack optional members, and some
 * hold hostile strings (a leading {@code =}, {@code +}, {@code -} or {@code @}, commas, quotes,
 * line breaks, non-ASCII) to test exports with. The same seed, size and span give byte-identical
 * records on every JDK.
 */
public final class Dataset {
  /** Where {@link #synthetic(long, int)} data starts: 2025-12-01T00:00:00Z. */
  public static final Instant DEFAULT_FROM = Instant.parse("2025-12-01T00:00:00Z");

  /** Where {@link #synthetic(long, int)} data ends (exclusive): 2026-01-01T00:00:00Z. */
  public static final Instant DEFAULT_TO = Instant.parse("2026-01-01T00:00:00Z");

  /** The most records a data set may hold. */
  public static final int MAX_SIZE = LogStore.MAX_RECORDS;

  private final List<EmulatedLog> ascending;
  private final long seed;

  /**
   * For synthetic records, the span they were made in (epoch seconds, {@code [from, to)}); else 0.
   */
  private final long fromSecond;

  private final long toSecond;

  /** The account whose log the synthetic records are ({@link #forAccount}), else null. */
  private final @Nullable String accountId;

  private Dataset(List<EmulatedLog> ascending, long seed) {
    this(ascending, seed, 0, 0, null);
  }

  private Dataset(
      List<EmulatedLog> ascending,
      long seed,
      long fromSecond,
      long toSecond,
      @Nullable String accountId) {
    this.ascending = ascending;
    this.seed = seed;
    this.fromSecond = fromSecond;
    this.toSecond = toSecond;
    this.accountId = accountId;
  }

  /**
   * {@code size} synthetic records with whole-second {@code when}s in {@code [from, to)}.
   *
   * @throws IllegalArgumentException if {@code size} is negative or above {@value #MAX_SIZE}, or
   *     the span holds no whole second
   */
  public static Dataset synthetic(long seed, int size, Instant from, Instant to) {
    return synthetic(seed, size, from, to, null);
  }

  /** Synthetic records of {@code accountId}'s log (null: the user's). */
  private static Dataset synthetic(
      long seed, int size, Instant from, Instant to, @Nullable String accountId) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (size < 0 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 0 to " + MAX_SIZE + " but was " + size);
    }
    long fromSecond = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
    long toSecond = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
    if (toSecond <= fromSecond) {
      throw new IllegalArgumentException(
          "from (" + from + ") must be at least a whole second before to (" + to + ")");
    }
    long[] seconds = SyntheticGenerator.seconds(seed, size, fromSecond, toSecond);
    SyntheticGenerator generator = new SyntheticGenerator(seed, 0, 0, accountId);
    List<EmulatedLog> logs = new ArrayList<>(size);
    for (long second : seconds) {
      logs.add(EmulatedLog.parse(generator.next(Instant.ofEpochSecond(second))));
    }
    logs.sort(EmulatedLog.ASCENDING);
    return new Dataset(Collections.unmodifiableList(logs), seed, fromSecond, toSecond, accountId);
  }

  /** {@code size} synthetic records spread over December 2025 (see {@link #DEFAULT_FROM}). */
  public static Dataset synthetic(long seed, int size) {
    return synthetic(seed, size, DEFAULT_FROM, DEFAULT_TO);
  }

  /**
   * Your own records, served exactly as given (members the spec does not list included). Each must
   * be one JSON object with a {@code when} RFC 3339 date-time; an {@code id} string is used for
   * ordering and the {@code id} filter when present.
   *
   * @throws IllegalArgumentException naming the first record that is not valid, by index
   */
  public static Dataset of(List<String> jsonRecords) {
    Objects.requireNonNull(jsonRecords, "jsonRecords");
    if (jsonRecords.size() > MAX_SIZE) {
      throw new IllegalArgumentException(
          "at most " + MAX_SIZE + " records, not " + jsonRecords.size());
    }
    List<EmulatedLog> logs = new ArrayList<>(jsonRecords.size());
    for (int i = 0; i < jsonRecords.size(); i++) {
      logs.add(parse(i, jsonRecords.get(i)));
    }
    logs.sort(EmulatedLog.ASCENDING);
    return new Dataset(Collections.unmodifiableList(logs), 0);
  }

  /** No records at all. */
  public static Dataset empty() {
    return new Dataset(List.of(), 0);
  }

  static EmulatedLog parse(int index, String json) {
    Objects.requireNonNull(json, () -> "record " + index);
    try {
      return EmulatedLog.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("record " + index + " is refused: " + e.getMessage(), e);
    }
  }

  /** The records in the emulator's default order: newest first, then by {@code id} descending. */
  public List<EmulatedLog> logs() {
    List<EmulatedLog> newestFirst = new ArrayList<>(ascending);
    Collections.reverse(newestFirst);
    return Collections.unmodifiableList(newestFirst);
  }

  /** How many records there are. */
  public int size() {
    return ascending.size();
  }

  /**
   * The records an emulator serving this data set starts an account's log with ({@link
   * AuditLogEmulator.Builder#accounts}): for synthetic records, as many made in the same span from
   * the seed mixed with the account id (so each account has its own records and ids, the same on
   * every run), whose {@code account.id}, where a record has one, is {@code accountId}); records
   * given by the caller are served to every account as given. For a test's ground truth before the
   * emulator starts.
   *
   * @throws IllegalArgumentException naming an id that is not 32 lowercase hexadecimal characters
   */
  public Dataset forAccount(String accountId) {
    try {
      AuditLogScope.account(accountId);
    } catch (InvalidRequestException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (toSecond == 0) {
      return this;
    }
    return synthetic(
        accountSeed(seed, accountId),
        ascending.size(),
        Instant.ofEpochSecond(fromSecond),
        Instant.ofEpochSecond(toSecond),
        accountId);
  }

  /** The seed of an account's synthetic records: the data set's seed mixed with its id. */
  static long accountSeed(long seed, String accountId) {
    long mixed = seed;
    for (int i = 0; i < accountId.length(); i++) {
      mixed = mixed * 1_000_003L + accountId.charAt(i);
    }
    return mixed;
  }

  List<EmulatedLog> ascending() {
    return ascending;
  }

  /**
   * The seed the records were made from (0 for records given by the caller); appends continue from
   * it.
   */
  long seed() {
    return seed;
  }

  /** The account whose synthetic log this is (appends carry it too); null for the user's. */
  @Nullable String accountId() {
    return accountId;
  }

  @Override
  public String toString() {
    return "Dataset{" + ascending.size() + " records}";
  }
}
