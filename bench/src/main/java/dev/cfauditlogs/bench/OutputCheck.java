package dev.cfauditlogs.bench;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Checks a JSON Lines export against the server's ground truth: every line one record, whose
 * top-level {@code id} is one of the expected ids, each expected id exactly once.
 */
final class OutputCheck {
  private static final JsonReader.Options ID = JsonReader.Options.of("id");

  /**
   * What an output held: its lines, how many expected ids were missing, how many ids came more than
   * once (each extra occurrence counted), how many ids were not expected (or lines without a string
   * id).
   */
  record Result(long lines, long missing, long duplicates, long unexpected) {
    boolean valid() {
      return missing == 0 && duplicates == 0 && unexpected == 0;
    }

    @Override
    public String toString() {
      return valid()
          ? lines + " records, exact ids"
          : String.format(
              "%d records: %d missing, %d duplicated, %d unexpected — WRONG",
              lines, missing, duplicates, unexpected);
    }
  }

  private OutputCheck() {}

  static Result check(List<String> expectedIds, Path jsonl) throws IOException {
    Set<String> expected = new HashSet<>(expectedIds);
    Map<String, Integer> seen = new HashMap<>();
    long lines = 0;
    long unexpected = 0;
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines++;
        String id = id(line);
        if (id == null || !expected.contains(id)) {
          unexpected++;
        } else {
          seen.merge(id, 1, Integer::sum);
        }
      }
    }
    long duplicates = seen.values().stream().mapToLong(n -> n - 1).sum();
    long missing = expected.size() - seen.size();
    return new Result(lines, missing, duplicates, unexpected);
  }

  /** The record's top-level string {@code id}, or null when it has none or is not an object. */
  private static @Nullable String id(String line) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(line))) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return null;
      }
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(ID) == 0) {
          return reader.peek() == JsonReader.Token.STRING ? reader.nextString() : null;
        }
        reader.skipName();
        reader.skipValue();
      }
      return null;
    } catch (IOException | JsonDataException e) {
      return null;
    }
  }
}
