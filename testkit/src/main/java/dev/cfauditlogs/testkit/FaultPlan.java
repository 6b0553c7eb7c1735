package dev.cfauditlogs.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides, request by request, whether to inject a fault and which: first the scripted fault for
 * the first requests (in arrival order), then, with probability {@code rate}, one of the kinds
 * chosen uniformly.
 *
 * <p>The draw is a pure function of (seed, request, attempt), never of arrival order, so that a
 * seed faults the same requests on every run whatever the client's concurrency. The request is its
 * method, decoded path and query parameters (names and values sorted, so {@code page} and every
 * filter are in it); the attempt is how many times that same request has been seen so far (1 the
 * first time, 2 for its first retry, ...). Attempts are counted for the {@value #MAX_TRACKED} most
 * recently seen requests; one forgotten beyond that starts again at 1.
 */
final class FaultPlan {
  static final int MAX_TRACKED = 100_000;

  private final double rate;
  private final List<FaultKind> kinds;
  private final long seed;
  private final @Nullable FaultKind firstKind;
  private int firstLeft;
  private final Map<String, Integer> attempts =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  FaultPlan(
      double rate,
      List<FaultKind> kinds,
      long seed,
      int firstCount,
      @Nullable FaultKind firstKind) {
    this.rate = rate;
    this.kinds = kinds;
    this.seed = seed;
    this.firstLeft = firstCount;
    this.firstKind = firstKind;
  }

  /**
   * The fault for this request, or null.
   *
   * @param query the decoded query parameters, or null when they could not be decoded ({@code
   *     rawQuery} then stands for them)
   */
  synchronized @Nullable FaultKind next(
      String method,
      String path,
      @Nullable Map<String, List<String>> query,
      @Nullable String rawQuery) {
    String request = requestKey(method, path, query, rawQuery);
    int attempt = attempts.merge(request, 1, Integer::sum);
    if (firstLeft > 0 && firstKind != null) {
      firstLeft--;
      return firstKind;
    }
    return draw(request, attempt);
  }

  /** The seeded draw for the {@code attempt}-th sight of {@code request}. */
  @Nullable FaultKind draw(String request, int attempt) {
    if (rate <= 0 || kinds.isEmpty()) {
      return null;
    }
    long h = mix(seed, request, attempt);
    double roll = (splitMix(h) >>> 11) * 0x1.0p-53;
    if (roll >= rate) {
      return null;
    }
    return kinds.get((int) Long.remainderUnsigned(splitMix(h + 0x9e3779b97f4a7c15L), kinds.size()));
  }

  /** Method, path and every query parameter, sorted by name then value. */
  static String requestKey(
      String method,
      String path,
      @Nullable Map<String, List<String>> query,
      @Nullable String rawQuery) {
    StringBuilder key = new StringBuilder(method).append(' ').append(path);
    if (query == null) {
      return key.append("?raw:").append(rawQuery).toString();
    }
    List<String> pairs = new ArrayList<>();
    query.forEach((name, values) -> values.forEach(v -> pairs.add(name + '\u0000' + v)));
    pairs.sort(null);
    for (String pair : pairs) {
      key.append('\u0001').append(pair);
    }
    return key.toString();
  }

  /**
   * FNV-1a over the seed, the request's characters and the attempt: plain arithmetic, so the same
   * on every JVM (no {@code Random} whose algorithm might change).
   */
  private static long mix(long seed, String request, int attempt) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (int i = 0; i < request.length(); i++) {
      h = (h ^ request.charAt(i)) * 0x100000001b3L;
    }
    return (h ^ attempt) * 0x100000001b3L;
  }

  /** SplitMix64's finaliser: spreads every input bit over the output. */
  private static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
