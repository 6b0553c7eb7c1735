package dev.cfauditlogs.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 3: a {@link GeneratingServer} in this JVM serves a million records made on the fly; a
 * child JVM started with a small heap ({@code -Xmx64m}) streams them all through the iterator
 * ({@link MemoryClient}) and reports its peak heap and whether every record arrived exactly once.
 */
final class MemoryBench {
  static final Set<String> OPTIONS = Args.names("records", "xmx-mb", "concurrency", "timeout-s");

  /** What the child JVM reported. */
  record Result(
      int expected,
      int exitCode,
      int xmxMb,
      int concurrency,
      Map<String, String> facts,
      int requests) {
    /** Whether the client ended normally with every record exactly once. */
    boolean passed() {
      return exitCode == 0
          && String.valueOf(expected).equals(facts.get("records"))
          && String.valueOf(expected).equals(facts.get("distinct"))
          && "0".equals(facts.get("duplicates"))
          && "0".equals(facts.get("missing"))
          && "0".equals(facts.get("outOfRange"));
    }

    double mib(String key) {
      return Long.parseLong(facts.getOrDefault(key, "0")) / (1024.0 * 1024);
    }
  }

  private MemoryBench() {}

  static Result run(Args args, PrintStream out) {
    int records = args.intValue("records", 1_000_000, 1, 100_000_000);
    int xmxMb = args.intValue("xmx-mb", 64, 16, 65_536);
    int concurrency =
        args.intValue("concurrency", dev.cfauditlogs.AuditLogPager.DEFAULT_CONCURRENCY, 1, 16);
    int timeoutSeconds = args.intValue("timeout-s", 900, 10, 3600);
    String token = UUID.randomUUID().toString();
    Result result;
    try (GeneratingServer server = new GeneratingServer(records, token)) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx" + xmxMb + "m");
      command.add("-XX:+ExitOnOutOfMemoryError");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(MemoryClient.class.getName());
      command.add(server.baseUrl());
      command.add(token);
      command.add(String.valueOf(records));
      command.add(String.valueOf(concurrency));
      out.printf(
          "memory: streaming %,d records into a client JVM with -Xmx%dm, concurrency %d…%n",
          records, xmxMb, concurrency);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      Map<String, String> facts = new HashMap<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.println("memory: [client] " + line);
                    if (line.startsWith("RESULT ")) {
                      synchronized (facts) {
                        for (String part : line.substring(7).split(" ")) {
                          int eq = part.indexOf('=');
                          if (eq > 0) {
                            facts.put(part.substring(0, eq), part.substring(eq + 1));
                          }
                        }
                      }
                    }
                  }
                } catch (IOException e) {
                  out.println("memory: cannot read the client's output: " + e);
                }
              },
              "memory-client-output");
      reader.setDaemon(true);
      reader.start();
      int exit;
      if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        exit = process.exitValue();
      } else {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        out.printf(
            "memory: the client did not finish within %d s and was stopped%n", timeoutSeconds);
        exit = -1;
      }
      reader.join(10_000);
      synchronized (facts) {
        result =
            new Result(records, exit, xmxMb, concurrency, Map.copyOf(facts), server.requests());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    print(result, records, out);
    return result;
  }

  static void print(Result r, int records, PrintStream out) {
    out.printf(
        "%nmemory summary (%,d records, client -Xmx%dm, concurrency %d):%n",
        records, r.xmxMb(), r.concurrency());
    out.printf(
        "  %s: exit %d, %s records, %s distinct, %s duplicates, %s missing, %,d requests, %s s%n",
        r.passed() ? "PASS" : "FAIL",
        r.exitCode(),
        r.facts().getOrDefault("records", "?"),
        r.facts().getOrDefault("distinct", "?"),
        r.facts().getOrDefault("duplicates", "?"),
        r.facts().getOrDefault("missing", "?"),
        r.requests(),
        r.facts().getOrDefault("seconds", "?"));
    out.printf(
        "  peak heap used %.1f MiB (before-GC and sampled maximum); each heap pool's own peak"
            + " summed %.1f MiB (pools peak at different moments, so this may exceed the heap); most used after any GC %.1f MiB; live after a full GC (every"
            + " %,d records) at most %.1f MiB; max heap %.1f MiB; %s%n",
        r.mib("peakUsed"),
        r.mib("poolPeakSum"),
        r.mib("maxAfterGc"),
        MemoryClient.LIVE_CHECK_EVERY,
        r.mib("liveAfterFullGc"),
        r.mib("maxHeap"),
        r.facts().getOrDefault("gc", "?")
            + " gcCount="
            + r.facts().getOrDefault("gcCount", "?")
            + " gcMillis="
            + r.facts().getOrDefault("gcMillis", "?"));
  }
}
