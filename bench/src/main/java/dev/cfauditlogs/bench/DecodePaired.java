package dev.cfauditlogs.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A cross-check of {@link DecodeBenchmark} that is robust to a machine whose load changes while it
 * runs: in this JVM, every benchmark method ({@link #NAMES}) decodes the page in turn, one page
 * each, many times (the order rotating). For each it records the wall time and this thread's CPU
 * time (which leaves out the time other processes held the core, and the garbage collector's
 * threads); the ratios reported are medians of the per-turn ratios.
 */
final class DecodePaired {
  /**
   * The methods, the first the baseline every ratio is to: since issue 13 plain Moshi into classes
   * with the same fields as the facade's records ({@code id}, {@code when}, the text as sent),
   * against the facade like for like ({@code json()}) and as an export uses it ({@code
   * compactJson()}); then the context rows.
   */
  static final String[] NAMES = {
    "baseline: Moshi into id, when, json as sent",
    "facade json(), id(), when() (like for like)",
    "facade compactJson(), id(), when() (what an export does)",
    "baseline written peek first (Moshi: id, when, then text)",
    "keyed baseline (Moshi: id, when only, no text)",
    "facade + every model()",
    "typed baseline (Moshi: every field)",
    "control (generated readers, whole page)"
  };

  /** The rows {@link #print} reports a ratio to the baseline for, in the summary line. */
  static final int LIKE_FOR_LIKE = 1;

  static final int EXPORT = 2;

  /** Per method: median wall and CPU ms per page, and median per-turn ratios to the baseline. */
  record Result(
      int turns,
      double[] wallMs,
      double[] wallRatio,
      double[] cpuMs,
      double[] cpuRatio,
      double wallQ1,
      double wallQ3) {
    /** What an export does per record, to the baseline, by wall time. */
    double ratio() {
      return wallRatio[EXPORT];
    }
  }

  private DecodePaired() {}

  static Result run(int records, int turns, int warmupTurns) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    DecodeBenchmark bench = new DecodeBenchmark();
    bench.records = records;
    bench.setUp();
    Blackhole blackhole =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is"
                + " dangerous.");
    Runnable[] work = {
      () -> bench.baseline(blackhole),
      () -> bench.facadeJson(blackhole),
      () -> bench.facadeExport(blackhole),
      () -> bench.baselinePeekFirst(blackhole),
      () -> bench.baselineKeyed(blackhole),
      () -> bench.facadeModels(blackhole),
      () -> bench.baselineTyped(blackhole),
      () -> bench.control(blackhole)
    };
    try {
      for (int i = 0; i < warmupTurns; i++) {
        for (Runnable w : work) {
          w.run();
        }
      }
      long[][] wall = new long[work.length][turns];
      long[][] cpuNanos = new long[work.length][turns];
      for (int i = 0; i < turns; i++) {
        // Rotate the order, so that none always runs right after another's garbage.
        for (int k = 0; k < work.length; k++) {
          int which = (i + k) % work.length;
          long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
          long start = System.nanoTime();
          work[which].run();
          wall[which][i] = System.nanoTime() - start;
          cpuNanos[which][i] = cpu ? threads.getCurrentThreadCpuTime() - cpuStart : 0;
        }
      }
      double[] wallRatioQuartiles = new double[2];
      Result result =
          new Result(
              turns,
              medians(wall),
              medianRatios(wall, wallRatioQuartiles),
              medians(cpuNanos),
              cpu ? medianRatios(cpuNanos, new double[2]) : new double[work.length],
              wallRatioQuartiles[0],
              wallRatioQuartiles[1]);
      return result;
    } finally {
      bench.tearDown();
      blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }
  }

  private static double[] medians(long[][] nanos) {
    double[] out = new double[nanos.length];
    for (int w = 0; w < nanos.length; w++) {
      long[] sorted = nanos[w].clone();
      Arrays.sort(sorted);
      out[w] = sorted[sorted.length / 2] / 1e6;
    }
    return out;
  }

  /**
   * Median per-turn ratio of each method to the first; the export row's quartiles go to {@code q}.
   */
  private static double[] medianRatios(long[][] nanos, double[] q) {
    double[] out = new double[nanos.length];
    int turns = nanos[0].length;
    for (int w = 0; w < nanos.length; w++) {
      double[] ratios = new double[turns];
      for (int i = 0; i < turns; i++) {
        ratios[i] = (double) nanos[w][i] / Math.max(1, nanos[0][i]);
      }
      Arrays.sort(ratios);
      out[w] = ratios[turns / 2];
      if (w == EXPORT) {
        q[0] = ratios[turns / 4];
        q[1] = ratios[turns * 3 / 4];
      }
    }
    return out;
  }

  static void print(Result r, PrintStream out) {
    out.printf("%ndecode paired cross-check (one JVM, %d turns; medians):%n", r.turns());
    out.println("| method | wall ms/page | ÷ baseline (wall) | CPU ms/page | ÷ baseline (CPU) |");
    out.println("|---|---:|---:|---:|---:|");
    for (int w = 0; w < NAMES.length; w++) {
      out.printf(
          "| %s | %.3f | %.3f | %.3f | %.3f |%n",
          NAMES[w], r.wallMs()[w], r.wallRatio()[w], r.cpuMs()[w], r.cpuRatio()[w]);
    }
    out.printf(
        "decode: paired (facade as an export)/baseline %.3f wall (quartiles %.3f–%.3f), %.3f CPU;"
            + " like for like (json()) %.3f wall, %.3f CPU%n",
        r.ratio(),
        r.wallQ1(),
        r.wallQ3(),
        r.cpuRatio()[EXPORT],
        r.wallRatio()[LIKE_FOR_LIKE],
        r.cpuRatio()[LIKE_FOR_LIKE]);
  }
}
