package dev.cfauditlogs.spec;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Timings and heap figures of one slicing run, printed by {@code slice --stats} as one line of
 * {@code key=value} pairs that {@link Benchmark} reads back.
 */
final class SliceStats {
  private final Map<String, Long> values = new LinkedHashMap<>();
  private long last = System.nanoTime();

  /** Records the milliseconds since the previous lap under {@code name}. */
  void lap(String name) {
    long now = System.nanoTime();
    values.put(name + "_ms", (now - last) / 1_000_000);
    last = now;
  }

  /** Adds the peak heap use (summed over the heap pools) and the maximum heap, in MiB. */
  void heap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    values.put("peak_heap_mib", peak >> 20);
    values.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
  }

  String line() {
    StringBuilder out = new StringBuilder("stats:");
    values.forEach((k, v) -> out.append(String.format(Locale.ROOT, " %s=%d", k, v)));
    return out.toString();
  }

  /** The values of a {@link #line()}. */
  static Map<String, Long> parse(String line) {
    Map<String, Long> parsed = new LinkedHashMap<>();
    for (String pair : line.substring(line.indexOf(':') + 1).trim().split(" ")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        parsed.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
      }
    }
    return parsed;
  }
}
