package dev.cfauditlogs.bench;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.EmulatedLog;
import dev.cfauditlogs.testkit.ReceivedRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The peer benchmark (issue 13): Cloudflare's official TypeScript SDK ({@code bench/peer}, npm
 * {@code cloudflare} pinned by its lockfile) and our CLI ({@code export --format jsonl --output
 * FILE}), each a whole process as a user runs it, start-up included, run in turn against a testkit
 * emulator that adds a fixed latency to every response and sends Cloudflare's published rate-limit
 * policy (1200 requests / 300 s) in its {@code Ratelimit}/{@code Ratelimit-Policy} headers.
 *
 * <p>Each timed run gets a fresh emulator serving the same dataset (seed 42), so every run starts
 * with the whole rate budget, as a user's single export would, and its request count is its own.
 * Both outputs are checked against the emulator's ground truth: exactly its ids, none missing, none
 * twice. CPU time is the child's user + system time as {@code /usr/bin/time} reports it. The CLI
 * runs as the README runs it, through the launcher {@code ./cf-audit-logs} ({@code --cli-launcher};
 * its JVM flags and AppCDS archive included, the archive made on the untimed warm-up). Extra CLI
 * variants ({@code --cli-variants "name=JVM flags;name2=flags"}) run the jar with {@code java -jar}
 * and those flags only, in the same rotation, so their effect is measured against the same
 * baseline.
 */
final class PeerBench {
  static final Set<String> OPTIONS =
      Args.names(
          "records",
          "latency-ms",
          "per-page",
          "rounds",
          "cli-jar",
          "cli-launcher",
          "sdk-dir",
          "node",
          "java",
          "cli-variants",
          "work-dir");
  static final Set<String> FLAGS = Args.names("no-sdk");

  /** Cloudflare's published global limit, sent in the emulator's headers. */
  static final int POLICY_QUOTA = 1200;

  static final Duration POLICY_WINDOW = Duration.ofSeconds(300);

  /** One contender: a name and the command that exports to {@code OUTPUT} at {@code PER_PAGE}. */
  record Tool(String name, List<String> command) {
    List<String> commandFor(int perPage, Path output, String baseUrl) {
      return command.stream()
          .map(
              part ->
                  part.replace("{PER_PAGE}", Integer.toString(perPage))
                      .replace("{OUTPUT}", output.toString())
                      .replace("{BASE_URL}", baseUrl))
          .toList();
    }
  }

  /** One timed export. */
  record Run(
      String tool,
      int perPage,
      int round,
      double wallSeconds,
      double cpuSeconds,
      int requests,
      Map<Integer, Integer> statuses,
      OutputCheck.Result check) {}

  /** What a whole benchmark measured. */
  record Result(int records, int latencyMs, List<Run> runs) {}

  private PeerBench() {}

  static Result run(Args args, PrintStream out) {
    int records = args.intValue("records", 20_000, 1, Dataset.MAX_SIZE);
    int latencyMs = args.intValue("latency-ms", 50, 0, 10_000);
    int[] perPages = args.intList("per-page", new int[] {1000, 100}, 1, AuditLogQuery.MAX_PER_PAGE);
    int rounds = args.intValue("rounds", 3, 1, 50);
    Path workDir = Path.of(args.text("work-dir", "bench/target/peer"));
    List<Tool> tools = tools(args);

    out.printf(
        "peer: %,d synthetic records, %d ms latency per response, policy %d requests / %d s;"
            + " tools %s%n",
        records,
        latencyMs,
        POLICY_QUOTA,
        POLICY_WINDOW.toSeconds(),
        tools.stream().map(Tool::name).toList());
    Dataset dataset = Dataset.synthetic(42, records);
    List<Run> runs = new ArrayList<>();
    try {
      Files.createDirectories(workDir);
      out.println("peer: warming up (one untimed export per tool, per_page 1000)…");
      for (Tool tool : tools) {
        Run warm = once(tool, 1000, 0, dataset, latencyMs, workDir, true, out);
        out.printf("peer: warm-up %s: %s%n", tool.name(), describe(warm));
      }
      for (int round = 1; round <= rounds; round++) {
        for (int perPage : perPages) {
          // Rotate who goes first, so a slow phase of the (shared) machine hits every tool alike.
          List<Tool> order = new ArrayList<>(tools);
          Collections.rotate(order, -(round - 1));
          for (Tool tool : order) {
            Run run = once(tool, perPage, round, dataset, latencyMs, workDir, false, out);
            runs.add(run);
            out.printf(
                "peer: round %d per_page %4d %-12s %s%n",
                round, perPage, tool.name(), describe(run));
          }
        }
      }
      wire(dataset, latencyMs, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    Result result = new Result(records, latencyMs, runs);
    summary(result, tools, perPages, out);
    return result;
  }

  private static List<Tool> tools(Args args) {
    List<Tool> tools = new ArrayList<>();
    if (!args.flag("no-sdk")) {
      Path sdkDir = Path.of(args.text("sdk-dir", "bench/peer"));
      if (!Files.isDirectory(sdkDir.resolve("node_modules/cloudflare"))) {
        throw new IllegalArgumentException(
            "the SDK is not installed in "
                + sdkDir.resolve("node_modules")
                + ": run bench/peer/run (it runs npm ci) or npm ci in "
                + sdkDir);
      }
      tools.add(
          new Tool(
              "sdk",
              List.of(
                  args.text("node", "node"),
                  sdkDir.resolve("sdk-export.js").toString(),
                  "{PER_PAGE}",
                  "{OUTPUT}")));
    }
    Path jar = Path.of(args.text("cli-jar", "cli/target/cf-audit-logs.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "no CLI jar at " + jar + ": build it with ./mvnw -B -q -pl cli -am package -DskipTests");
    }
    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put("cli", List.of());
    String spec = args.text("cli-variants", "");
    for (String part : spec.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--cli-variants takes name=JVM flags;name2=flags but got '" + part + "'");
      }
      String name = part.substring(0, eq).trim();
      if (variants.containsKey(name) || name.equals("sdk")) {
        throw new IllegalArgumentException("--cli-variants: the name '" + name + "' is taken");
      }
      variants.put(name, Arrays.stream(part.substring(eq + 1).trim().split("\\s+")).toList());
    }
    String launcher = args.text("cli-launcher", "./cf-audit-logs");
    for (Map.Entry<String, List<String>> v : variants.entrySet()) {
      List<String> command = new ArrayList<>();
      if (v.getKey().equals("cli")) {
        // The default CLI as the README runs it: the launcher, with its JVM flags and AppCDS
        // archive (made on its first run: the untimed warm-up).
        command.add(launcher);
      } else {
        command.add(args.text("java", "java"));
        command.addAll(v.getValue().stream().filter(s -> !s.isEmpty()).toList());
        command.addAll(List.of("-jar", jar.toString()));
      }
      command.addAll(
          List.of(
              "export",
              "--format",
              "jsonl",
              "--output",
              "{OUTPUT}",
              "--per-page",
              "{PER_PAGE}",
              "--base-url",
              "{BASE_URL}",
              "--no-progress"));
      tools.add(new Tool(v.getKey(), List.copyOf(command)));
    }
    return tools;
  }

  private static Run once(
      Tool tool,
      int perPage,
      int round,
      Dataset dataset,
      int latencyMs,
      Path workDir,
      boolean showRequests,
      PrintStream out)
      throws IOException, InterruptedException {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(dataset)
            .latency(Duration.ofMillis(latencyMs))
            .rateLimit(POLICY_QUOTA, POLICY_WINDOW)
            .start()) {
      List<String> expected = ids(emulator.records(AuditLogQuery.builder().build()));
      Path output = workDir.resolve(tool.name() + "-" + perPage + ".jsonl");
      Path times = workDir.resolve(tool.name() + ".time");
      Path log = workDir.resolve(tool.name() + ".log");
      Files.deleteIfExists(output);
      Files.deleteIfExists(times);
      List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o"));
      command.add(times.toString());
      command.addAll(tool.commandFor(perPage, output, emulator.baseUrl()));
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("CLOUDFLARE_"));
      env.put("CLOUDFLARE_BASE_URL", emulator.baseUrl());
      env.put("CLOUDFLARE_API_TOKEN", emulator.apiToken());
      long start = System.nanoTime();
      Process process = pb.start();
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(tool.name() + " did not finish in 15 minutes");
      }
      double wall = (System.nanoTime() - start) / 1e9;
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            tool.name()
                + " exited with "
                + process.exitValue()
                + ": "
                + Files.readString(log, StandardCharsets.UTF_8));
      }
      if (showRequests) {
        showRequests(tool, emulator.requests(), out);
      }
      OutputCheck.Result check = OutputCheck.check(expected, output);
      return new Run(
          tool.name(),
          perPage,
          round,
          wall,
          cpuSeconds(times),
          emulator.requestCount(),
          emulator.statusCounts(),
          check);
    }
  }

  /** How a tool pages and what it asks for: its first three requests' query and headers. */
  private static void showRequests(Tool tool, List<ReceivedRequest> requests, PrintStream out) {
    for (ReceivedRequest r : requests.subList(0, Math.min(3, requests.size()))) {
      out.printf(
          "peer:   %s sent %s %s Accept-Encoding=%s User-Agent=%s%n",
          tool.name(),
          r.path(),
          new TreeMap<>(r.query()),
          r.header("Accept-Encoding").orElse("(none)"),
          r.header("User-Agent").orElse("(none)"));
    }
    out.printf(
        "peer:   %s: %d requests in all, pages %s%n",
        tool.name(),
        requests.size(),
        requests.stream()
            .map(r -> r.queryParameter("page").orElse("-"))
            .collect(Collectors.joining(",")));
  }

  /** Body size of one 1000-record page as the emulator sends it, uncompressed and with gzip. */
  private static void wire(Dataset dataset, int latencyMs, PrintStream out) throws IOException {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(dataset)
            .latency(Duration.ofMillis(latencyMs))
            .rateLimit(POLICY_QUOTA, POLICY_WINDOW)
            .start()) {
      WireSize.Page page = WireSize.fetch(emulator.baseUrl(), emulator.apiToken(), 1000);
      out.printf(
          "peer: wire: one per_page=1000 page (%d records): %,d bytes uncompressed; asked with"
              + " Accept-Encoding: gzip: Content-Encoding=%s, %,d bytes (%.1f%%)%n",
          page.records(),
          page.plainBytes(),
          page.gzipEncoding(),
          page.gzipBytes(),
          100.0 * page.gzipBytes() / page.plainBytes());
    }
  }

  private static double cpuSeconds(Path times) throws IOException {
    // /usr/bin/time -o writes "Command exited with non-zero status" first when it fails.
    List<String> lines = Files.readAllLines(times, StandardCharsets.UTF_8);
    String[] parts = lines.get(lines.size() - 1).trim().split("\\s+");
    return Double.parseDouble(parts[0]) + Double.parseDouble(parts[1]);
  }

  private static String describe(Run run) {
    return String.format(
        "%7.3f s wall, %6.2f s CPU, %4d requests %s, %s",
        run.wallSeconds(), run.cpuSeconds(), run.requests(), run.statuses(), run.check());
  }

  private static void summary(Result result, List<Tool> tools, int[] perPages, PrintStream out) {
    out.println();
    out.printf(
        "## peer summary: %,d records, %d ms latency, policy %d / %d s, medians of %d rounds%n%n",
        result.records(),
        result.latencyMs(),
        POLICY_QUOTA,
        POLICY_WINDOW.toSeconds(),
        result.runs().stream().mapToInt(Run::round).max().orElse(0));
    out.println(
        "| per_page | tool | wall s (median) | wall s (min–max) | CPU s (median) | requests"
            + " | output check | wall ÷ sdk | CPU ÷ sdk |");
    out.println("|---:|---|---:|---:|---:|---:|---|---:|---:|");
    boolean allValid = true;
    for (int perPage : perPages) {
      Map<String, List<Run>> byTool = new LinkedHashMap<>();
      for (Tool tool : tools) {
        byTool.put(
            tool.name(),
            result.runs().stream()
                .filter(r -> r.perPage() == perPage && r.tool().equals(tool.name()))
                .toList());
      }
      List<Run> sdk = byTool.getOrDefault("sdk", List.of());
      double sdkWall = median(sdk.stream().mapToDouble(Run::wallSeconds).toArray());
      double sdkCpu = median(sdk.stream().mapToDouble(Run::cpuSeconds).toArray());
      for (Map.Entry<String, List<Run>> e : byTool.entrySet()) {
        List<Run> runs = e.getValue();
        double[] walls = runs.stream().mapToDouble(Run::wallSeconds).toArray();
        double wall = median(walls);
        double cpu = median(runs.stream().mapToDouble(Run::cpuSeconds).toArray());
        boolean valid = runs.stream().allMatch(r -> r.check().valid());
        allValid &= valid;
        String requests =
            runs.stream()
                .map(r -> Integer.toString(r.requests()))
                .distinct()
                .collect(Collectors.joining("/"));
        out.printf(
            "| %d | %s | %.2f | %.2f–%.2f | %.2f | %s | %s | %s | %s |%n",
            perPage,
            e.getKey(),
            wall,
            Arrays.stream(walls).min().orElse(Double.NaN),
            Arrays.stream(walls).max().orElse(Double.NaN),
            cpu,
            requests,
            valid ? "exact ids ×" + runs.size() : "FAILED",
            sdk.isEmpty() ? "–" : String.format("**%.2f**", wall / sdkWall),
            sdk.isEmpty() ? "–" : String.format("%.2f", cpu / sdkCpu));
      }
    }
    out.println();
    out.println(
        allValid
            ? "Every output held exactly the emulator's ids (none missing, none twice)."
            : "SOME OUTPUTS FAILED THE CHECK: see the runs above.");
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** The ground truth: the ids of every record the emulator holds for the query. */
  private static List<String> ids(List<EmulatedLog> logs) {
    return logs.stream().map(log -> log.id().orElseThrow()).toList();
  }
}
