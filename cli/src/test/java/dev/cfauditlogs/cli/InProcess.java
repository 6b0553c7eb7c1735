package dev.cfauditlogs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the command line in this JVM through {@link Main#run(String[], PrintWriter, PrintWriter,
 * Map)}, the method the jar's {@code main} calls, with only the given environment: for tests about
 * parsing, help and messages, where a child JVM per run would only cost time. A test keeps at least
 * one case through the real jar ({@link JarRunner}) for what it shows in-process.
 */
final class InProcess {
  /** The library's logger, silenced as the jar's {@code main} silences it; held so it stays so. */
  private static final Logger LIBRARY_LOG = Logger.getLogger("dev.cfauditlogs");

  private InProcess() {}

  static JarRunner.Result run(Map<String, String> env, String... args) {
    LIBRARY_LOG.setLevel(Level.OFF);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = Main.run(args, o, e, env);
      o.flush();
      e.flush();
    }
    return new JarRunner.Result(code, out.toString(), err.toString());
  }
}
