package dev.cfauditlogs;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A checkpoint file of several logs: one {@link SyncCheckpoint} per {@linkplain AuditLogScope
 * scope} (the user's log, each account's), as a follower of many accounts keeps them. Immutable;
 * {@link #with(SyncCheckpoint)} makes the next value. The text is {@link SyncCheckpoint}'s version
 * {@value SyncCheckpoint#VERSION} with one entry per scope in {@code checkpoints}, in the order the
 * scopes were first added; version 1 files and one-entry files are read too (and are then a set of
 * one).
 *
 * <pre>{@code
 * SyncCheckpoints all = SyncCheckpoints.load(file).orElse(SyncCheckpoints.empty());
 * SyncCheckpoint from = all.get(query.scope()).orElse(SyncCheckpoint.start(query));
 * ...
 * all.with(after).save(file);
 * }</pre>
 *
 * <p>Whether each entry's filters fit the query followed is checked where a checkpoint is used
 * ({@link AuditLogFollower} refuses one made for another scope or other filters).
 */
public final class SyncCheckpoints {
  private static final SyncCheckpoints EMPTY = new SyncCheckpoints(Map.of());

  private final Map<AuditLogScope, SyncCheckpoint> byScope;

  private SyncCheckpoints(Map<AuditLogScope, SyncCheckpoint> byScope) {
    this.byScope = Collections.unmodifiableMap(new LinkedHashMap<>(byScope));
  }

  /** No checkpoint at all: every scope starts from its beginning. */
  public static SyncCheckpoints empty() {
    return EMPTY;
  }

  /**
   * Reads the checkpoints saved in {@code file}; empty when there is no such file.
   *
   * @throws InvalidCheckpointException when the file is larger than {@link
   *     SyncCheckpoint#MAX_BYTES} or does not hold checkpoints (the message names the file)
   * @throws IOException when the file cannot be read
   */
  public static Optional<SyncCheckpoints> load(Path file) throws IOException {
    return SyncCheckpoint.load(file, SyncCheckpoints::parse);
  }

  /**
   * Reads checkpoint text: version 1 (one checkpoint of the user's log) or version {@value
   * SyncCheckpoint#VERSION} (one or more, each of its own scope).
   *
   * @throws InvalidCheckpointException when {@code text} is not one this version reads, or holds
   *     two checkpoints of one scope, saying why
   */
  public static SyncCheckpoints parse(String text) {
    SyncCheckpoints all = EMPTY;
    for (SyncCheckpoint checkpoint : SyncCheckpoint.parseAll(text)) {
      all = all.with(checkpoint);
    }
    return all;
  }

  /** The checkpoint of {@code scope}, if this set holds one. */
  public Optional<SyncCheckpoint> get(AuditLogScope scope) {
    return Optional.ofNullable(byScope.get(Objects.requireNonNull(scope, "scope")));
  }

  /**
   * This set with {@code checkpoint} as the checkpoint of its scope (replacing the one held; the
   * scope keeps its place, a new scope comes last).
   */
  public SyncCheckpoints with(SyncCheckpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Map<AuditLogScope, SyncCheckpoint> next = new LinkedHashMap<>(byScope);
    next.put(checkpoint.auditLogScope(), checkpoint);
    return new SyncCheckpoints(next);
  }

  /** The scopes with a checkpoint, in the order they were first added. Unmodifiable. */
  public Set<AuditLogScope> scopes() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(byScope.keySet()));
  }

  /** The checkpoints, in the order of {@link #scopes()}. */
  public List<SyncCheckpoint> checkpoints() {
    return List.copyOf(byScope.values());
  }

  /** How many scopes have a checkpoint. */
  public int size() {
    return byScope.size();
  }

  /**
   * The text of the file (version {@value SyncCheckpoint#VERSION}): indented JSON with one entry
   * per scope, ending without a newline. An empty set writes an empty {@code checkpoints} list,
   * which {@link #parse} refuses: save a set once it holds a checkpoint.
   */
  public String render() {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setIndent("  ");
      json.beginObject();
      json.name("version").value(SyncCheckpoint.VERSION);
      json.name("checkpoints").beginArray();
      for (SyncCheckpoint checkpoint : byScope.values()) {
        checkpoint.writeEntry(json);
      }
      json.endArray();
      json.endObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing to a buffer failed", e); // cannot happen
    }
    return buffer.readUtf8();
  }

  /**
   * Saves every checkpoint to {@code file} atomically, as {@link SyncCheckpoint#save(Path)} does: a
   * crash at any moment leaves the previous file or this one.
   *
   * @throws IllegalStateException when the set is empty (nothing to resume from)
   */
  public void save(Path file) throws IOException {
    if (byScope.isEmpty()) {
      throw new IllegalStateException("no checkpoint to save");
    }
    AtomicFile.write(file, render().getBytes(StandardCharsets.UTF_8));
  }

  /** Equal when both hold equal checkpoints for the same scopes (in any order). */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SyncCheckpoints c && byScope.equals(c.byScope);
  }

  @Override
  public int hashCode() {
    return byScope.hashCode();
  }

  /** Such as {@code SyncCheckpoints{user, account 0123…}}: the scopes, no record ids. */
  @Override
  public String toString() {
    return "SyncCheckpoints" + byScope.keySet().toString().replace('[', '{').replace(']', '}');
  }
}
