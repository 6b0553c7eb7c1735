package dev.cfauditlogs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * Runs the command line in this JVM through {@link Main#run(String[], PrintWriter, PrintWriter,
 * Map)}, the method the jar's {@code main} calls, with only the given environment: for tests about
 * parsing, help and messages, where a child JVM per run would only cost time. A test keeps at least
 * one case through the real jar ({@link JarRunner}) for what it shows in-process.
 */
final class InProcess {
  private InProcess() {}

  static JarRunner.Result run(Map<String, String> env, String... args) {
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
