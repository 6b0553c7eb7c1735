package dev.cfauditlogs.spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of the spec tools; {@code openapi/update-spec} runs its {@code update} command.
 *
 * <pre>
 * slice     &lt;file-or-url&gt; [--out FILE] [--stats]     the slice of both audit-log GETs
 * diff      &lt;old-slice&gt; &lt;new-slice&gt; [--accept-breaking]   the drift report
 * update    &lt;file-or-url&gt; --dir OPENAPI_DIR [--source TEXT] [--accept-breaking]
 *                                                   slice, overlay, report, replace
 * synth     --seed FILE --out FILE [--size-mb N | --services N]  a synthetic upstream document
 * benchmark --seed FILE [--size-mb N] [--dir DIR]         slice generated 30 MB JSON and YAML
 * </pre>
 *
 * <p>Exit codes: 0 success (including "no change" and accepted or non-breaking changes), 1 an
 * unexpected failure, 2 a usage or input error (printed as one line), 3 breaking changes that were
 * not accepted with {@code --accept-breaking}.
 */
public final class SpecTool {
  /** Success, including "slice unchanged" and accepted changes. */
  public static final int OK = 0;

  /** An unexpected failure; the stack trace is printed. */
  public static final int FAILED = 1;

  /** Bad arguments or input: unreadable document, missing operation, unsupported reference. */
  public static final int USAGE = 2;

  /** The drift report found breaking changes and {@code --accept-breaking} was not given. */
  public static final int BREAKING = 3;

  private static final String USAGE_TEXT =
      String.join(
          "\n",
          "usage: SpecTool <command> [arguments]",
          "  slice <file-or-url> [--out FILE] [--stats]",
          "  diff <old-slice> <new-slice> [--accept-breaking]",
          "  update <file-or-url> --dir OPENAPI_DIR [--source TEXT] [--accept-breaking]",
          "  synth --seed FILE --out FILE.json|FILE.yaml [--size-mb N | --services N]",
          "  benchmark --seed FILE [--size-mb N] [--dir DIR]",
          "exit codes: 0 ok, 1 failure, 2 usage or input error, 3 breaking changes not accepted");

  private SpecTool() {}

  /** Runs a command and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command, printing data to {@code out} and messages to {@code err}; returns the code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      Args parsed = new Args(args);
      return switch (parsed.command) {
        case "slice" -> slice(parsed, out, err);
        case "diff" -> diff(parsed, out);
        case "update" -> update(parsed, out, err);
        case "synth" -> synth(parsed, err);
        case "benchmark" -> benchmark(parsed, out, err);
        case "-h", "--help", "help" -> {
          out.println(USAGE_TEXT);
          yield OK;
        }
        default ->
            throw new SpecException("unknown command '" + parsed.command + "'\n" + USAGE_TEXT);
      };
    } catch (SpecException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    } catch (RuntimeException | IOException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      err.println("failed: " + e);
      e.printStackTrace(err);
      return FAILED;
    }
  }

  private static int slice(Args args, PrintStream out, PrintStream err) throws IOException {
    String source = args.positional(0, "<file-or-url>");
    args.done(1);
    SliceStats stats = new SliceStats();
    byte[] bytes = Documents.fetch(source);
    stats.lap("read");
    Map<String, Object> upstream = Documents.parse(bytes, source);
    stats.lap("parse");
    Map<String, Object> slice = Slicer.slice(upstream);
    stats.lap("slice");
    String yaml = YamlWriter.write(slice);
    stats.lap("write");
    if (args.out != null) {
      UpdateFlow.write(args.out, yaml.getBytes(StandardCharsets.UTF_8));
    } else {
      out.print(yaml);
      out.flush();
    }
    if (args.stats) {
      stats.heap();
      err.println(stats.line());
    }
    return OK;
  }

  private static int diff(Args args, PrintStream out) {
    String oldSlice = args.positional(0, "<old-slice>");
    String newSlice = args.positional(1, "<new-slice>");
    args.done(2);
    DriftReport report = DriftAnalyzer.compare(Documents.load(oldSlice), Documents.load(newSlice));
    out.print(report.render(oldSlice, newSlice));
    return report.hasBreaking() && !args.acceptBreaking ? BREAKING : OK;
  }

  private static int update(Args args, PrintStream out, PrintStream err) {
    String source = args.positional(0, "<file-or-url>");
    args.done(1);
    if (args.dir == null) {
      throw new SpecException("update needs --dir DIR (the openapi/ folder)");
    }
    UpdateFlow.Outcome outcome =
        UpdateFlow.run(source, new SpecFiles(args.dir), args.acceptBreaking, args.source, out, err);
    return outcome == UpdateFlow.Outcome.BLOCKED ? BREAKING : OK;
  }

  private static int synth(Args args, PrintStream err) {
    args.done(0);
    if (args.seed == null || args.out == null) {
      throw new SpecException("synth needs --seed FILE and --out FILE");
    }
    boolean json = args.out.toString().endsWith(".json");
    Map<String, Object> seed = Documents.load(args.seed.toString());
    Map<String, Object> doc =
        args.services >= 0
            ? SyntheticUpstream.generate(seed, args.services)
            : SyntheticUpstream.ofSize(seed, args.sizeMb * Benchmark.MB, json);
    SyntheticUpstream.write(doc, args.out, json);
    err.println("wrote " + args.out);
    return OK;
  }

  private static int benchmark(Args args, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    args.done(0);
    if (args.seed == null) {
      throw new SpecException(
          "benchmark needs --seed FILE (an upstream document with the operation)");
    }
    Path dir = args.dir != null ? args.dir : Files.createTempDirectory("spec-benchmark");
    Map<String, Object> seed = Documents.load(args.seed.toString());
    out.print(Benchmark.run(seed, args.sizeMb, dir, err));
    return OK;
  }

  /** The few options of all commands; each command checks those it needs. */
  private static final class Args {
    final String command;
    final List<String> positionals = new ArrayList<>();
    Path out;
    String source;
    Path seed;
    Path dir;
    boolean stats;
    boolean acceptBreaking;
    int sizeMb = 30;
    int services = -1;

    Args(String[] args) {
      if (args.length == 0) {
        throw new SpecException("no command\n" + USAGE_TEXT);
      }
      command = args[0];
      for (int i = 1; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--out" -> out = Path.of(value(args, ++i, arg));
          case "--source" -> source = value(args, ++i, arg);
          case "--seed" -> seed = Path.of(value(args, ++i, arg));
          case "--dir" -> dir = Path.of(value(args, ++i, arg));
          case "--size-mb" -> sizeMb = number(value(args, ++i, arg), arg);
          case "--services" -> services = number(value(args, ++i, arg), arg);
          case "--stats" -> stats = true;
          case "--accept-breaking" -> acceptBreaking = true;
          default -> {
            if (arg.startsWith("--")) {
              throw new SpecException("unknown option " + arg + "\n" + USAGE_TEXT);
            }
            positionals.add(arg);
          }
        }
      }
    }

    String positional(int index, String name) {
      if (positionals.size() <= index) {
        throw new SpecException(command + " needs " + name + "\n" + USAGE_TEXT);
      }
      return positionals.get(index);
    }

    void done(int expected) {
      if (positionals.size() > expected) {
        throw new SpecException("unexpected argument '" + positionals.get(expected) + "'");
      }
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new SpecException(option + " needs a value");
      }
      return args[i];
    }

    private static int number(String text, String option) {
      try {
        int n = Integer.parseInt(text);
        if (n < 0) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new SpecException(option + " needs a whole number, not '" + text + "'", e);
      }
    }
  }
}
