package dev.cfauditlogs.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's time went, by area (the investigation of issue 13): every {@code
 * jdk.ExecutionSample} is put in the area of the first frame from the top of its stack that belongs
 * to one (so a JDK method called by Moshi counts as JSON decoding, one called by OkHttp as HTTP);
 * also the sum of GC pauses and of JIT compilations, which execution samples do not see.
 */
final class JfrAreas {
  /** Areas in the order they are tried on each frame; the first match wins. */
  private static final Map<String, Pattern> AREAS = new LinkedHashMap<>();

  static {
    AREAS.put(
        "writing output (cli writers, file I/O)",
        Pattern.compile(
            "^dev\\.cfauditlogs\\.cli\\.(Jsonl|JsonArray|Csv|RecordWriter|OutputFile|AppendOnly|StandardOutput|JsonText)"
                + "|^java\\.io\\.(FileOutputStream|BufferedWriter|OutputStreamWriter)|^sun\\.nio\\.cs\\.StreamEncoder"));
    AREAS.put("TLS", Pattern.compile("^(sun\\.security|javax\\.net\\.ssl|com\\.sun\\.crypto)"));
    AREAS.put(
        "JSON decode (Moshi, our page decoder)",
        Pattern.compile(
            "^com\\.squareup\\.moshi|^dev\\.cfauditlogs\\.(PageDecoder|AuditLog\\b|AuditLog\\$|Rfc3339|.*Json)"
                + "|^dev\\.cfauditlogs\\.generated"));
    AREAS.put("HTTP (OkHttp, Okio, Retrofit)", Pattern.compile("^(okhttp3|okio|retrofit2)"));
    AREAS.put("our pager, client, limiter (facade)", Pattern.compile("^dev\\.cfauditlogs\\.[A-Z]"));
    AREAS.put("our CLI (other)", Pattern.compile("^dev\\.cfauditlogs\\.cli"));
    AREAS.put("picocli", Pattern.compile("^picocli"));
    AREAS.put("Kotlin stdlib", Pattern.compile("^kotlin"));
    AREAS.put(
        "class loading, linking, reflection",
        Pattern.compile(
            "^(java\\.lang\\.ClassLoader|jdk\\.internal\\.loader|java\\.lang\\.invoke|java\\.lang\\.reflect"
                + "|jdk\\.internal\\.reflect|java\\.lang\\.Class\\.|jdk\\.internal\\.misc\\.Unsafe\\.define"
                + "|java\\.util\\.jar|java\\.util\\.zip\\.ZipFile|sun\\.launcher)"));
  }

  /**
   * Stages of an export, by call site: the first stage, in this order, that matches any frame of a
   * stack decides (so a record's typed decoding counts there, whatever it calls).
   */
  private static final Map<String, Pattern> STAGES = new LinkedHashMap<>();

  static {
    STAGES.put(
        "class loading / linking",
        Pattern.compile(
            "^(java\\.lang\\.ClassLoader|jdk\\.internal\\.loader|java\\.lang\\.invoke\\.MethodHandleNatives)"));
    STAGES.put(
        "TLS / security set-up (sun.security, OkHttp Platform)",
        Pattern.compile(
            "^(sun\\.security|javax\\.net\\.ssl|okhttp3\\.internal\\.platform|okhttp3\\.internal\\.tls)"));
    STAGES.put(
        "record check (AuditLog.mismatches, for the CLI's OddityReport)",
        Pattern.compile(
            "^dev\\.cfauditlogs\\.(AuditLog\\.(typed|mismatches|model)|AuditLog\\$Typed"
                + "|cli\\.OddityReport)"));
    STAGES.put(
        "writing JSONL (JsonlWriter, compactJson, file I/O)",
        Pattern.compile(
            "^dev\\.cfauditlogs\\.(cli\\.(JsonlWriter|JsonText|OutputFile|RecordWriter)"
                + "|AuditLog\\.compactJson|CompactUtf8)"));
    STAGES.put(
        "page decode (PageDecoder, PageElements; reading the body included)",
        Pattern.compile("^dev\\.cfauditlogs\\.(PageDecoder|PageElements)"));
    STAGES.put("HTTP exchange (OkHttp, Retrofit)", Pattern.compile("^(okhttp3|retrofit2)"));
    STAGES.put("pager / client (facade)", Pattern.compile("^dev\\.cfauditlogs\\.[A-Z]"));
    STAGES.put(
        "CLI start-up (picocli, commands)", Pattern.compile("^(picocli|dev\\.cfauditlogs\\.cli)"));
  }

  /** A stage's first words, for the timeline's tables ({@link ExportTimeline}). */
  static String shortStage(String stage) {
    return switch (stage.substring(0, Math.min(stage.length(), 6))) {
      case "class " -> "classes";
      case "TLS / " -> "tls";
      case "record" -> "check";
      case "writin" -> "write";
      case "page d" -> "decode";
      case "HTTP e" -> "http";
      case "pager " -> "pager";
      case "CLI st" -> "cli";
      default -> "jvm";
    };
  }

  private JfrAreas() {}

  static void run(List<String> args, PrintStream out) {
    if (args.size() != 1) {
      throw new IllegalArgumentException("jfr takes one argument: the recording (.jfr)");
    }
    Path file = Path.of(args.get(0));
    Map<String, Integer> byArea = new LinkedHashMap<>();
    Map<String, Integer> byStage = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> topByArea = new TreeMap<>();
    Map<String, Integer> topFrames = new TreeMap<>();
    int samples = 0;
    Duration gcPauses = Duration.ZERO;
    int gcs = 0;
    Duration compilations = Duration.ZERO;
    int compiled = 0;
    Map<String, Integer> threads = new TreeMap<>();
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        String type = event.getEventType().getName();
        switch (type) {
          case "jdk.ExecutionSample" -> {
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
              continue;
            }
            samples++;
            String top = name(stack.getFrames().get(0));
            topFrames.merge(top, 1, Integer::sum);
            String area = area(stack.getFrames());
            byArea.merge(area, 1, Integer::sum);
            byStage.merge(stage(stack.getFrames()), 1, Integer::sum);
            topByArea.computeIfAbsent(area, a -> new TreeMap<>()).merge(top, 1, Integer::sum);
            threads.merge(threadName(event), 1, Integer::sum);
          }
          case "jdk.GarbageCollection" -> {
            gcs++;
            gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
          }
          case "jdk.Compilation" -> {
            compiled++;
            compilations = compilations.plus(event.getDuration());
          }
          default -> {}
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.printf(
        "## %s: %d execution samples (Java threads on CPU)%n%n", file.getFileName(), samples);
    out.println("| area | samples | share | top methods (samples) |");
    out.println("|---|---:|---:|---|");
    int total = samples;
    byArea.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(
            e ->
                out.printf(
                    "| %s | %d | %.0f %% | %s |%n",
                    e.getKey(),
                    e.getValue(),
                    100.0 * e.getValue() / total,
                    top(topByArea.get(e.getKey()), 4)));
    out.println();
    out.println("| stage (by call site) | samples | share |");
    out.println("|---|---:|---:|");
    byStage.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(
            e ->
                out.printf(
                    "| %s | %d | %.0f %% |%n",
                    e.getKey(), e.getValue(), 100.0 * e.getValue() / total));
    out.println();
    out.println("Top frames overall: " + top(topFrames, 15));
    out.println("Samples by thread: " + top(threads, 8));
    out.printf(
        "GC: %d collections, %d ms of pauses in all. JIT: %d compilations (those over JFR's"
            + " threshold), %d ms in all, on compiler threads.%n",
        gcs, gcPauses.toMillis(), compiled, compilations.toMillis());
  }

  private static String area(List<RecordedFrame> frames) {
    return first(
        frames,
        AREAS,
        "other JDK (" + name(frames.get(0)).replaceAll("\\.[^.]*\\.[^.]*$", "") + ")");
  }

  static String stage(List<RecordedFrame> frames) {
    for (Map.Entry<String, Pattern> p : STAGES.entrySet()) {
      for (RecordedFrame frame : frames) {
        if (p.getValue().matcher(name(frame)).find()) {
          return p.getKey();
        }
      }
    }
    return "other (JVM-internal Java code)";
  }

  private static String first(
      List<RecordedFrame> frames, Map<String, Pattern> patterns, String otherwise) {
    for (RecordedFrame frame : frames) {
      String name = name(frame);
      for (Map.Entry<String, Pattern> p : patterns.entrySet()) {
        if (p.getValue().matcher(name).find()) {
          return p.getKey();
        }
      }
    }
    return otherwise;
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static String threadName(RecordedEvent event) {
    var thread = event.getThread("sampledThread");
    String name = thread == null ? "?" : thread.getJavaName();
    return name == null ? "?" : name.replaceAll("\\d+", "N");
  }

  private static String top(Map<String, Integer> counts, int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .map(e -> e.getKey().replaceAll("^.*\\.([^.]+\\.[^.]+)$", "$1") + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
