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
 * Benchmark 1: runs {@link DecodeBenchmark} with JMH (all its methods in one run, as many rounds as
 * asked) and reports the facade's time per page as a ratio of the baseline's; then the {@link
 * DecodePaired} cross-check.
 */
final class DecodeRun {
  static final Set<String> OPTIONS =
      Args.names("records", "forks", "warmups", "iterations", "seconds", "rounds", "turns");
  static final Set<String> FLAGS = Args.names("smoke", "no-gc");
  private static final List<String> METHODS =
      List.of("baseline", "facade", "facadeWithJson", "control");

  /** One JMH run of the four methods. */
  record Round(Score facade, Score facadeWithJson, Score baseline, Score control) {
    double ratio() {
      return facade.ms() / baseline.ms();
    }

    double withJsonRatio() {
      return facadeWithJson.ms() / baseline.ms();
    }

    double controlRatio() {
      return facade.ms() / control.ms();
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
          "decode: round %d: facade %s, baseline %s ms/page: facade/baseline %.3f%n",
          round, r.facade().text(), r.baseline().text(), r.ratio());
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
    Score facade = null;
    Score withJson = null;
    Score baseline = null;
    Score control = null;
    for (RunResult run : runs) {
      String name = run.getParams().getBenchmark();
      Result<?> primary = run.getPrimaryResult();
      Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
      if (alloc == null) {
        alloc = run.getSecondaryResults().get("·gc.alloc.rate.norm"); // JMH before 1.37
      }
      Score score =
          new Score(
              primary.getScore(),
              Double.isNaN(primary.getScoreError()) ? 0 : primary.getScoreError(),
              alloc == null ? Double.NaN : alloc.getScore());
      switch (name.substring(name.lastIndexOf('.') + 1)) {
        case "facade" -> facade = score;
        case "facadeWithJson" -> withJson = score;
        case "baseline" -> baseline = score;
        case "control" -> control = score;
        default -> {}
      }
    }
    if (facade == null || withJson == null || baseline == null || control == null) {
      throw new IllegalStateException("JMH did not report all four benchmark methods");
    }
    return new Round(facade, withJson, baseline, control);
  }

  static void print(List<Round> rounds, int records, PrintStream out) {
    out.printf(
        "%ndecode summary (%d-record page, bytes to models; ms/page ± 99.9 %% CI; KiB allocated"
            + " per page):%n",
        records);
    out.println(
        "| round | baseline | facade | **facade / baseline** | facade json() only | (facade json() only)"
            + " / baseline | control | facade / control | alloc: baseline, facade, facade +"
            + " json(), control |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int i = 0; i < rounds.size(); i++) {
      Round r = rounds.get(i);
      out.printf(
          "| %d | %s | %s | **%.3f** | %s | %.3f | %s | %.3f | %.0f, %.0f, %.0f, %.0f |%n",
          i + 1,
          r.baseline().text(),
          r.facade().text(),
          r.ratio(),
          r.facadeWithJson().text(),
          r.withJsonRatio(),
          r.control().text(),
          r.controlRatio(),
          r.baseline().bytes() / 1024,
          r.facade().bytes() / 1024,
          r.facadeWithJson().bytes() / 1024,
          r.control().bytes() / 1024);
    }
    if (rounds.size() > 1) {
      out.printf(
          "decode: over %d rounds, median facade/baseline %s; (facade json() only)/baseline %s;"
              + " facade/control %s%n",
          rounds.size(),
          spread(rounds.stream().mapToDouble(Round::ratio).sorted().toArray()),
          spread(rounds.stream().mapToDouble(Round::withJsonRatio).sorted().toArray()),
          spread(rounds.stream().mapToDouble(Round::controlRatio).sorted().toArray()));
    }
  }

  private static String spread(double[] sorted) {
    return String.format(
        "%.3f (min %.3f, max %.3f)",
        sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
  }
}
