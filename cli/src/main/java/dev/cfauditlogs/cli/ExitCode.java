package dev.cfauditlogs.cli;

/** The documented exit codes. */
final class ExitCode {
  static final int OK = 0;
  static final int USAGE = 2;
  static final int AUTH = 3;
  static final int RATE_LIMITED = 4;
  static final int FAILURE = 5;

  private ExitCode() {}
}
