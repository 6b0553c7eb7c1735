package dev.cfauditlogs.bench;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.ReceivedRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the wall time of one CLI export goes (issue 13, per_page 1000): the same emulator as the
 * peer benchmark (synthetic records, 50 ms before each response's headers, Cloudflare's policy in
 * the rate-limit headers), the CLI run through the launcher as the README runs it.
 *
 * <ol>
 *   <li>Plain runs (no profiler): wall and CPU of the whole process, and when each request reached
 *       the server and its response was ready (the emulator's log; the response then waits the 50
 *       ms), all from the moment the process was spawned.
 *   <li>One run with JFR (sampling every {@code --sample-ms}, every socket read and write and file
 *       write recorded): the JVM's start, each request's send, first byte and last byte on its
 *       thread, and per time slice what each thread was doing (execution samples by stage, {@link
 *       JfrAreas#stage}), with GC pauses and JIT compilations. JFR itself adds start-up time and
 *       CPU; the plain runs give the true totals.
 * </ol>
 */
final class ExportTimeline {
  static final Set<String> OPTIONS =
      Args.names(
          "records",
          "latency-ms",
          "per-page",
          "cli-launcher",
          "work-dir",
          "sample-ms",
          "runs",
          "slice-ms");

  private ExportTimeline() {}

  static void run(Args args, PrintStream out) {
    int records = args.intValue("records", 20_000, 1, 10_000_000);
    int latencyMs = args.intValue("latency-ms", 50, 0, 10_000);
    int perPage = args.intValue("per-page", 1000, 1, 1000);
    int runs = args.intValue("runs", 3, 0, 20);
    int sampleMs = args.intValue("sample-ms", 2, 1, 100);
    int sliceMs = args.intValue("slice-ms", 100, 10, 10_000);
    String launcher = args.text("cli-launcher", "./cf-audit-logs");
    Path work = Path.of(args.text("work-dir", "bench/target/timeline"));
    Dataset dataset = Dataset.synthetic(42, records);
    try {
      Files.createDirectories(work);
      out.printf(
          "timeline: %d records, per_page %d, %d ms latency, CLI %s%n",
          records, perPage, latencyMs, launcher);
      once(launcher, List.of(), dataset, perPage, latencyMs, work); // warm-up (CDS archive)
      for (int i = 1; i <= runs; i++) {
        Outcome o = once(launcher, List.of(), dataset, perPage, latencyMs, work);
        out.printf(
            "%nplain run %d: %.3f s wall, %.2f s CPU (user+sys), %d requests; server side (ms"
                + " from spawn; each response then waits %d ms):%n%s%n",
            i, o.wallMs() / 1000, o.cpuSeconds(), o.requests().size(), latencyMs, requestLine(o));
      }
      Path jfc = settings(work, sampleMs);
      Path jfr = work.resolve("export.jfr");
      Files.deleteIfExists(jfr);
      Outcome o =
          once(
              launcher,
              List.of("-XX:StartFlightRecording=filename=" + jfr + ",settings=" + jfc),
              dataset,
              perPage,
              latencyMs,
              work);
      out.printf(
          "%nJFR run: %.3f s wall, %.2f s CPU (JFR included), %d requests%n",
          o.wallMs() / 1000, o.cpuSeconds(), o.requests().size());
      report(jfr, o, sliceMs, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** One export: spawn time, wall ms, CPU seconds, the emulator's requests. */
  record Outcome(
      Instant spawned, double wallMs, double cpuSeconds, List<ReceivedRequest> requests) {
    double ms(Instant t) {
      return Duration.between(spawned, t).toNanos() / 1e6;
    }
  }

  private static Outcome once(
      String launcher,
      List<String> javaOpts,
      Dataset dataset,
      int perPage,
      int latencyMs,
      Path work)
      throws IOException, InterruptedException {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder()
            .dataset(dataset)
            .latency(Duration.ofMillis(latencyMs))
            .rateLimit(PeerBench.POLICY_QUOTA, PeerBench.POLICY_WINDOW)
            .start()) {
      Path output = work.resolve("export.jsonl");
      Path times = work.resolve("export.time");
      Path log = work.resolve("export.log");
      Files.deleteIfExists(output);
      List<String> command =
          new ArrayList<>(
              List.of(
                  "/usr/bin/time",
                  "-f",
                  "%U %S",
                  "-o",
                  times.toString(),
                  launcher,
                  "export",
                  "--format",
                  "jsonl",
                  "--output",
                  output.toString(),
                  "--per-page",
                  String.valueOf(perPage),
                  "--base-url",
                  emulator.baseUrl(),
                  "--no-progress"));
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("CLOUDFLARE_"));
      env.put("CLOUDFLARE_API_TOKEN", emulator.apiToken());
      env.put("CF_AUDIT_LOGS_JAVA_OPTS", String.join(" ", javaOpts));
      Instant spawned = Instant.now();
      long start = System.nanoTime();
      Process process = pb.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("the export did not finish in 5 minutes");
      }
      double wallMs = (System.nanoTime() - start) / 1e6;
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "the export exited with "
                + process.exitValue()
                + ": "
                + Files.readString(log, StandardCharsets.UTF_8));
      }
      List<String> expected =
          emulator.records(AuditLogQuery.builder().build()).stream()
              .map(r -> r.id().orElseThrow())
              .toList();
      OutputCheck.Result check = OutputCheck.check(expected, output);
      if (!check.valid()) {
        throw new IllegalStateException("the export's output is wrong: " + check);
      }
      String[] cpu = Files.readString(times, StandardCharsets.UTF_8).trim().split("\\s+");
      double cpuSeconds =
          Double.parseDouble(cpu[cpu.length - 2]) + Double.parseDouble(cpu[cpu.length - 1]);
      return new Outcome(spawned, wallMs, cpuSeconds, emulator.requests());
    }
  }

  private static String requestLine(Outcome o) {
    StringBuilder s = new StringBuilder();
    for (ReceivedRequest r : o.requests()) {
      s.append(
          String.format("p%s@%.0f ", r.queryParameter("page").orElse("-"), o.ms(r.receivedAt())));
    }
    return s.toString().trim();
  }

  /** JFR's profile settings, with every socket and file event and a finer sampling period. */
  private static Path settings(Path work, int sampleMs) throws IOException {
    Path profile = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
    String jfc = Files.readString(profile, StandardCharsets.UTF_8);
    for (String event :
        List.of("jdk.SocketRead", "jdk.SocketWrite", "jdk.FileWrite", "jdk.Compilation")) {
      jfc =
          jfc.replaceAll(
              "(?s)(<event name=\"" + event + "\">.*?<setting name=\"threshold\"[^>]*>)[^<]*<",
              "$10 ms<");
    }
    jfc =
        jfc.replaceAll(
            "(?s)(<event name=\"jdk.ExecutionSample\">.*?<setting name=\"period\"[^>]*>)[^<]*<",
            "$1" + sampleMs + " ms<");
    Path out = work.resolve("timeline.jfc");
    Files.writeString(out, jfc, StandardCharsets.UTF_8);
    return out;
  }

  /** One exchange on a thread: the write that sent it, its reads. */
  private static final class Exchange {
    final String thread;
    final Instant sent;
    Instant firstByte;
    Instant lastByte;
    long bytes;

    Exchange(String thread, Instant sent) {
      this.thread = thread;
      this.sent = sent;
    }
  }

  private static void report(Path jfr, Outcome o, int sliceMs, PrintStream out) throws IOException {
    Instant jvmStart = null;
    Instant recordingStart = null;
    List<RecordedEvent> events = new ArrayList<>();
    try (RecordingFile recording = new RecordingFile(jfr)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent e = recording.readEvent();
        events.add(e);
        if (e.getEventType().getName().equals("jdk.JVMInformation")) {
          jvmStart = e.getInstant("jvmStartTime");
        }
        if (recordingStart == null || e.getStartTime().isBefore(recordingStart)) {
          recordingStart = e.getStartTime();
        }
      }
    }
    events.sort((a, b) -> a.getStartTime().compareTo(b.getStartTime()));
    Map<String, List<Exchange>> byThread = new TreeMap<>();
    List<Exchange> exchanges = new ArrayList<>();
    // slice -> thread group -> stage -> samples
    TreeMap<Integer, Map<String, Map<String, Integer>>> slices = new TreeMap<>();
    TreeMap<Integer, double[]> gcAndJit = new TreeMap<>(); // ms of GC pauses, ms compiling
    Instant firstMain = null;
    Instant lastSample = null;
    long fileBytes = 0;
    Instant firstFileWrite = null;
    Instant lastFileWrite = null;
    for (RecordedEvent e : events) {
      String type = e.getEventType().getName();
      int slice = (int) (o.ms(e.getStartTime()) / sliceMs);
      switch (type) {
        case "jdk.SocketWrite" -> {
          Exchange x = new Exchange(thread(e.getThread()), e.getStartTime());
          byThread.computeIfAbsent(x.thread, t -> new ArrayList<>()).add(x);
          exchanges.add(x);
        }
        case "jdk.SocketRead" -> {
          List<Exchange> on = byThread.get(thread(e.getThread()));
          long read = e.getLong("bytesRead");
          if (on != null && read > 0) {
            Exchange x = on.get(on.size() - 1);
            if (x.firstByte == null) {
              x.firstByte = e.getEndTime();
            }
            x.lastByte = e.getEndTime();
            x.bytes += read;
          }
        }
        case "jdk.FileWrite" -> {
          if ("main".equals(thread(e.getThread()))) {
            fileBytes += e.getLong("bytesWritten");
            firstFileWrite = firstFileWrite == null ? e.getStartTime() : firstFileWrite;
            lastFileWrite = e.getEndTime();
          }
        }
        case "jdk.ExecutionSample" -> {
          RecordedStackTrace stack = e.getStackTrace();
          if (stack == null || stack.getFrames().isEmpty()) {
            continue;
          }
          String thread = thread(e.getThread("sampledThread"));
          String group = thread.equals("main") ? "main" : thread.replaceAll("[-\\s]?\\d+$", "");
          if (group.equals("main") && firstMain == null) {
            firstMain = e.getStartTime();
          }
          lastSample = e.getStartTime();
          slices
              .computeIfAbsent(slice, s -> new TreeMap<>())
              .computeIfAbsent(group, g -> new TreeMap<>())
              .merge(JfrAreas.stage(stack.getFrames()), 1, Integer::sum);
        }
        case "jdk.GarbageCollection" ->
            gcAndJit.computeIfAbsent(slice, s -> new double[2])[0] +=
                e.getDuration("sumOfPauses").toNanos() / 1e6;
        case "jdk.Compilation" ->
            gcAndJit.computeIfAbsent(slice, s -> new double[2])[1] +=
                e.getDuration().toNanos() / 1e6;
        default -> {}
      }
    }
    out.println();
    out.println("| landmark | ms from spawn |");
    out.println("|---|---:|");
    landmark(out, "JVM created (jdk.JVMInformation jvmStartTime)", o, jvmStart);
    landmark(out, "first JFR event (the recording started)", o, recordingStart);
    landmark(out, "first execution sample on main", o, firstMain);
    landmark(
        out,
        "first request written to the socket",
        o,
        exchanges.isEmpty() ? null : exchanges.get(0).sent);
    landmark(out, "first write of the output file (main)", o, firstFileWrite);
    landmark(out, "last write of the output file (main)", o, lastFileWrite);
    landmark(out, "last execution sample", o, lastSample);
    out.printf("| process exit (seen by the harness) | %.0f |%n", o.wallMs());
    out.printf("(output file: %d bytes written by main)%n", fileBytes);
    out.println();
    out.println("| # | thread | page | sent | server ready | first byte | last byte | KiB |");
    out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
    List<ReceivedRequest> requests = o.requests();
    for (int i = 0; i < exchanges.size(); i++) {
      Exchange x = exchanges.get(i);
      ReceivedRequest r = i < requests.size() ? requests.get(i) : null;
      out.printf(
          "| %d | %s | %s | %.0f | %s | %s | %s | %.0f |%n",
          i + 1,
          x.thread,
          r == null ? "?" : r.queryParameter("page").orElse("-"),
          o.ms(x.sent),
          r == null ? "?" : String.format("%.0f", o.ms(r.receivedAt())),
          x.firstByte == null ? "-" : String.format("%.0f", o.ms(x.firstByte)),
          x.lastByte == null ? "-" : String.format("%.0f", o.ms(x.lastByte)),
          x.bytes / 1024.0);
    }
    out.println(
        "(server ready: when the emulator logged the request, its response made; the order of the"
            + " server's log and of the writes can differ when requests cross)");
    out.println();
    out.printf(
        "Per %d ms slice from spawn: execution samples by thread and stage (a thread without"
            + " samples was waiting or not yet running); GC pause ms; ms spent compiling (JIT"
            + " threads)%n%n",
        sliceMs);
    out.println("| ms | main | other threads | GC ms | JIT ms |");
    out.println("|---:|---|---|---:|---:|");
    int lastSlice = (int) (o.wallMs() / sliceMs);
    for (int s = 0; s <= lastSlice; s++) {
      Map<String, Map<String, Integer>> groups = slices.getOrDefault(s, Map.of());
      double[] gj = gcAndJit.getOrDefault(s, new double[2]);
      StringBuilder others = new StringBuilder();
      for (Map.Entry<String, Map<String, Integer>> g : groups.entrySet()) {
        if (!g.getKey().equals("main")) {
          others.append(g.getKey()).append(": ").append(stages(g.getValue())).append("; ");
        }
      }
      out.printf(
          "| %d | %s | %s | %.0f | %.0f |%n",
          s * sliceMs,
          stages(groups.getOrDefault("main", Map.of())),
          others.toString().replaceAll("; $", ""),
          gj[0],
          gj[1]);
    }
  }

  private static String stages(Map<String, Integer> counts) {
    StringBuilder s = new StringBuilder();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(
            e ->
                s.append(JfrAreas.shortStage(e.getKey()))
                    .append(' ')
                    .append(e.getValue())
                    .append(", "));
    return s.toString().replaceAll(", $", "");
  }

  private static void landmark(PrintStream out, String what, Outcome o, Instant at) {
    out.printf("| %s | %s |%n", what, at == null ? "-" : String.format("%.0f", o.ms(at)));
  }

  private static String thread(RecordedThread t) {
    if (t == null) {
      return "?";
    }
    String name = t.getJavaName() != null ? t.getJavaName() : t.getOSName();
    return name == null ? "?" : name;
  }
}
