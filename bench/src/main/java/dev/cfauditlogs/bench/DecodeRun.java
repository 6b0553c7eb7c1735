package dev.cfauditlogs.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Benchmark 1: runs {@link DecodeBenchmark} with JMH (every method of {@link #METHODS}, as many
 * rounds as asked) and reports each method's time per page as a ratio of the baseline's; then the
 * {@link DecodePaired} cross-check.
 */
final class DecodeRun {
  static final Set<String> OPTIONS =
      Args.names("records", "forks", "warmups", "iterations", "seconds", "rounds", "turns");
  static final Set<String> FLAGS = Args.names("smoke", "no-gc");

  /**
   * The JMH methods, in {@link DecodePaired#NAMES}' order: the first is the baseline every ratio is
   * to, the third what an export does (the headline ratio).
   */
  static final List<String> METHODS =
      List.of(
          "baseline",
          "facadeJson",
          "facadeExport",
          "baselinePeekFirst",
          "baselineKeyed",
          "facadeModels",
          "baselineTyped",
          "control");

  /** One JMH run of every method, in {@link #METHODS}' order. */
  record Round(List<Score> scores) {
    /** What an export does per record, to the baseline. */
    double ratio() {
      return ratio(DecodePaired.EXPORT);
    }

    double ratio(int method) {
      return scores.get(method).ms() / scores.get(0).ms();
    }
  }

  /** One method's JMH score: ms per page ± its 99.9 % confidence half-width, bytes per page. */
  record Score(double ms, double error, double bytes) {
    String text() {
      return String.format("%.3f ± %.3f", ms, error);
    }
  }

  private DecodeRun() {}

  static List<Round> run(Args args, PrintStream out) {
    boolean smoke = args.flag("smoke");
    int records = args.intValue("records", smoke ? 20 : 1000, 1, 1000);
    int forks = args.intValue("forks", smoke ? 0 : 1, 0, 20);
    int warmups = args.intValue("warmups", smoke ? 1 : 4, 0, 100);
    int iterations = args.intValue("iterations", smoke ? 1 : 5, 1, 100);
    int seconds = args.intValue("seconds", 1, 1, 60);
    int rounds = args.intValue("rounds", smoke ? 1 : 5, 0, 20); // 0: only the paired cross-check
    int turns = args.intValue("turns", smoke ? 5 : 1000, 0, 100_000);
    List<Round> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      // One JMH run per method, in an order that rotates from round to round: on a machine whose
      // load drifts, no method is always measured first or last, and each round's ratio compares
      // runs a minute or two apart at most.
      List<RunResult> runs = new ArrayList<>();
      for (int k = 0; k < METHODS.size(); k++) {
        String method = METHODS.get((round - 1 + k) % METHODS.size());
        ChainedOptionsBuilder options =
            new OptionsBuilder()
                .include(DecodeBenchmark.class.getName() + "\\." + method + "$")
                .param("records", String.valueOf(records))
                .forks(forks)
                .warmupIterations(warmups)
                .measurementIterations(iterations)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementTime(TimeValue.seconds(seconds))
                .shouldFailOnError(true);
        if (smoke) {
          options.verbosity(VerboseMode.SILENT);
        } else if (!args.flag("no-gc")) {
          options.addProfiler(GCProfiler.class);
        }
        try {
          runs.addAll(new Runner(options.build()).run());
        } catch (RunnerException e) {
          throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
      }
      Round r = round(runs);
      results.add(r);
      out.printf(
          "decode: round %d: facade as an export %s, baseline %s ms/page: ratio %.3f%n",
          round, r.scores().get(DecodePaired.EXPORT).text(), r.scores().get(0).text(), r.ratio());
    }
    if (!results.isEmpty()) {
      print(results, records, out);
    }
    if (turns > 0) {
      DecodePaired.print(DecodePaired.run(records, turns, Math.max(5, turns / 2)), out);
    }
    return results;
  }

  private static Round round(List<RunResult> runs) {
    Score[] scores = new Score[METHODS.size()];
    for (RunResult run : runs) {
      String name = run.getParams().getBenchmark();
      Result<?> primary = run.getPrimaryResult();
      Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
      if (alloc == null) {
        alloc = run.getSecondaryResults().get("·gc.alloc.rate.norm"); // JMH before 1.37
      }
      int method = METHODS.indexOf(name.substring(name.lastIndexOf('.') + 1));
      if (method >= 0) {
        scores[method] =
            new Score(
                primary.getScore(),
                Double.isNaN(primary.getScoreError()) ? 0 : primary.getScoreError(),
                alloc == null ? Double.NaN : alloc.getScore());
      }
    }
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] == null) {
        throw new IllegalStateException("JMH did not report the method " + METHODS.get(i));
      }
    }
    return new Round(List.of(scores));
  }

  /**
   * The summary: per method, its median score over the rounds (ms/page ± the 99.9 % half-width of
   * that round), the median of its per-round ratios to the baseline with their range, and the bytes
   * allocated per page.
   */
  static void print(List<Round> rounds, int records, PrintStream out) {
    out.printf(
        "%ndecode summary (%d-record page; JMH, %d round(s); medians over rounds):%n",
        records, rounds.size());
    out.println(
        "| method | ms/page ± 99.9 % CI | ÷ baseline (median, min–max over rounds) | KiB allocated"
            + " per page |");
    out.println("|---|---:|---:|---:|");
    for (int m = 0; m < METHODS.size(); m++) {
      int method = m;
      Round median =
          rounds.stream()
              .sorted(
                  (x, y) ->
                      Double.compare(x.scores().get(method).ms(), y.scores().get(method).ms()))
              .toList()
              .get(rounds.size() / 2);
      Score score = median.scores().get(method);
      double[] ratios = rounds.stream().mapToDouble(r -> r.ratio(method)).sorted().toArray();
      out.printf(
          "| %s | %s | %s | %.0f |%n",
          DecodePaired.NAMES[method], score.text(), spread(ratios), score.bytes() / 1024);
    }
    out.printf(
        "decode: over %d round(s), (facade as an export)/baseline %s; like for like %s%n",
        rounds.size(),
        spread(rounds.stream().mapToDouble(Round::ratio).sorted().toArray()),
        spread(
            rounds.stream()
                .mapToDouble(r -> r.ratio(DecodePaired.LIKE_FOR_LIKE))
                .sorted()
                .toArray()));
  }

  private static String spread(double[] sorted) {
    return String.format(
        "%.3f (%.3f–%.3f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
  }
}
