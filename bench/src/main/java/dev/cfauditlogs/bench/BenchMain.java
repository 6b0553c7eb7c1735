package dev.cfauditlogs.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The benchmarks' one entry point: {@code java -jar cf-audit-logs-bench.jar
 * decode|export|memory|pacing|all|peer [options]}. Progress and results go to standard output; each
 * command ends with a summary (Markdown tables) to paste into the README.
 */
public final class BenchMain {
  private BenchMain() {}

  /** Runs the benchmark named by the first argument. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    if (args.length == 0 || Set.of("-h", "--help", "help").contains(args[0])) {
      out.println(usage());
      return;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      printMachine(out);
      switch (args[0]) {
        case "decode" -> DecodeRun.run(Args.parse(rest, DecodeRun.OPTIONS, DecodeRun.FLAGS), out);
        case "export" -> ExportBench.run(Args.parse(rest, ExportBench.OPTIONS, Set.of()), out);
        case "memory" -> {
          MemoryBench.Result r =
              MemoryBench.run(Args.parse(rest, MemoryBench.OPTIONS, Set.of()), out);
          if (!r.passed()) {
            System.exit(1);
          }
        }
        case "pacing" -> PacingBench.run(Args.parse(rest, PacingBench.OPTIONS, Set.of()), out);
        case "jfr" -> JfrAreas.run(rest, out);
        case "timeline" ->
            ExportTimeline.run(Args.parse(rest, ExportTimeline.OPTIONS, Set.of()), out);
        case "peer" -> {
          PeerBench.Result r =
              PeerBench.run(Args.parse(rest, PeerBench.OPTIONS, PeerBench.FLAGS), out);
          if (!r.runs().stream().allMatch(run -> run.check().valid())) {
            System.exit(1);
          }
        }
        case "all" -> {
          if (!rest.isEmpty()) {
            throw new IllegalArgumentException(
                "'all' takes no options; run one benchmark to set some");
          }
          DecodeRun.run(Args.parse(List.of(), DecodeRun.OPTIONS, DecodeRun.FLAGS), out);
          ExportBench.run(Args.parse(List.of(), ExportBench.OPTIONS, Set.of()), out);
          MemoryBench.run(Args.parse(List.of(), MemoryBench.OPTIONS, Set.of()), out);
          PacingBench.run(Args.parse(List.of(), PacingBench.OPTIONS, Set.of()), out);
        }
        default -> throw new IllegalArgumentException("unknown benchmark '" + args[0] + "'");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("cf-audit-logs-bench: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
    }
  }

  private static void printMachine(PrintStream out) {
    Runtime rt = Runtime.getRuntime();
    out.printf(
        "machine: %d cores, JDK %s (%s), %s %s, max heap of this JVM %d MiB%n",
        rt.availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        rt.maxMemory() / (1024 * 1024));
  }

  static String usage() {
    return String.join(
        "\n",
        "usage: java -jar bench/target/cf-audit-logs-bench.jar COMMAND [options]",
        "  decode  JMH: a 1000-record page, bytes to models, facade vs OkHttp+Moshi baseline",
        "          [--rounds 5] [--forks 1] [--warmups 4] [--iterations 5] [--seconds 1]"
            + " [--records 1000] [--turns 1000] [--no-gc] [--smoke]",
        "  export  100,000 records from the emulator with 50 ms latency; sequential vs several in flight",
        "          [--records 100000] [--latency-ms 50] [--per-page 1000,100] [--concurrency 2,4,8]"
            + " [--rounds 1]",
        "  memory  1,000,000 records streamed by a client JVM with -Xmx64m; peak heap",
        "          [--records 1000000] [--xmx-mb 64] [--concurrency 4 (the default)] [--timeout-s 900]",
        "  pacing  default client against a 60 requests / 15 s server for 3 windows",
        "          [--quota 60] [--window-s 15] [--windows 3] [--per-page 10]",
        "  all     all four with their defaults (not peer)",
        "  peer    official TypeScript SDK vs our CLI, whole processes, 20,000 records, 50 ms latency;",
        "          run it with bench/peer/run, which installs the SDK first",
        "          [--records 20000] [--latency-ms 50] [--per-page 1000,100] [--rounds 3]"
            + " [--cli-jar cli/target/cf-audit-logs.jar] [--cli-launcher ./cf-audit-logs]"
            + " [--sdk-dir bench/peer] [--node node]"
            + " [--java java] [--cli-variants \"name=JVM flags;...\"] [--work-dir bench/target/peer]"
            + " [--no-sdk]",
        "  jfr FILE.jfr  where a recording's CPU samples went, by area (bench/peer/profile-cli)",
        "  timeline  one CLI export's wall time, request by request and slice by slice (plain runs,"
            + " then one with JFR)",
        "          [--records 20000] [--latency-ms 50] [--per-page 1000] [--runs 3] [--sample-ms 2]"
            + " [--slice-ms 100] [--cli-launcher ./cf-audit-logs] [--work-dir bench/target/timeline]");
  }
}
