/**
 * The JUnit 5 extension for the emulator: {@code requires dev.cfauditlogs.testkit.junit5;} in a
 * modular test brings the emulator and the library too; JUnit is the test's own.
 */
// The name the jar had as an automatic module; javac's lint dislikes its terminal digit.
@SuppressWarnings("module")
module dev.cfauditlogs.testkit.junit5 {
  requires transitive dev.cfauditlogs.testkit;
  requires transitive org.junit.jupiter.api;
  requires org.junit.platform.commons;
  requires static transitive org.jspecify;

  exports dev.cfauditlogs.testkit.junit5;
}
