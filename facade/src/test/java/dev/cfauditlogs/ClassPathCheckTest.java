package dev.cfauditlogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.ClassPathCheck.Facts;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The class path check of {@code AuditLogsClient.Builder.build()}: its rules against simulated
 * versions, what it reads off this build's class path, and a client built on a real class path
 * holding OkHttp 4.12 and OkHttp 5 (as a consumer who names okhttp 4.12 gets).
 */
class ClassPathCheckTest {
  private static final List<String> ONE_OKHTTP5 = List.of("okhttp-jvm-5.5.1.jar");
  private static final List<String> ONE_OKHTTP4 = List.of("okhttp-4.12.0.jar");

  @ParameterizedTest(name = "OkHttp {0}, Kotlin {1}, Moshi {2} runs")
  @CsvSource(
      nullValues = "none",
      value = {
        "5.5.1, 2.1.21, 1.15.2",
        "5.0.0, 2.2.0, 1.15.0",
        "4.12.0, 1.8.21, 1.15.2", // examples/okhttp4 resolves to this
        "4.12.0, 2.1.21, 1.15.2",
        "5.5.1, 2.1.21, none", // Moshi's version not told by its jar name: not checked
        "6.0.0, 2.3.0, 2.0.0",
      })
  void compatibleVersionsPass(String okHttp, String kotlin, @Nullable String moshi) {
    List<String> jars = okHttp.startsWith("4") ? ONE_OKHTTP4 : ONE_OKHTTP5;
    assertTrue(ClassPathCheck.check(new Facts(okHttp, jars, kotlin, moshi)).isEmpty());
  }

  @Test
  void twoOkHttpJarsAreRefusedNamingBothAndBothFixes() {
    IncompatibleClassPathException e =
        refused(
            new Facts(
                "4.12.0",
                List.of("okhttp-4.12.0.jar", "okhttp-jvm-5.5.1.jar"),
                "1.8.21",
                "1.15.2"));
    assertEquals("OkHttp", e.library());
    assertEquals("okhttp-4.12.0.jar, okhttp-jvm-5.5.1.jar", e.found());
    assertContains(e.getMessage(), "okhttp-4.12.0.jar, okhttp-jvm-5.5.1.jar");
    assertContains(e.getMessage(), "OkHttp 4.12.0 loading first");
    assertContains(e.getMessage(), "dev.cfauditlogs:cf-audit-logs-bom:" + Version.VERSION);
    assertContains(
        e.getMessage(),
        "exclude com.squareup.okhttp3:okhttp-jvm from dev.cfauditlogs:cf-audit-logs");
  }

  @ParameterizedTest(name = "OkHttp {0} is refused")
  @CsvSource({"3.14.9", "4.9.3", "4.11.0"})
  void okHttpOlderThan412IsRefused(String okHttp) {
    IncompatibleClassPathException e =
        refused(new Facts(okHttp, List.of("okhttp-" + okHttp + ".jar"), "1.8.21", "1.15.2"));
    assertEquals(okHttp, e.found());
    assertEquals(ClassPathCheck.OKHTTP_NEEDED, e.needed());
    assertContains(e.getMessage(), "needs OkHttp 4.12 or 5.x; found OkHttp " + okHttp);
    assertContains(e.getMessage(), "com.squareup.okhttp3:okhttp:4.12.0");
  }

  @Test
  void aPreReleaseOf412CountsAs412() {
    assertTrue(
        ClassPathCheck.check(new Facts("4.12.0-RC1", ONE_OKHTTP4, "1.8.21", "1.15.2")).isEmpty());
  }

  @Test
  void anOkHttpWithoutAVersionIsRefusedAsUnknown() {
    IncompatibleClassPathException e = refused(new Facts(null, List.of(), "1.8.21", "1.15.2"));
    assertContains(e.getMessage(), "found OkHttp of unknown version (older than 4)");
  }

  @ParameterizedTest(name = "OkHttp {0} on Kotlin {1} is refused, {2} needed")
  @CsvSource(
      nullValues = "none",
      value = {"5.5.1, 1.8.21, 2.1", "5.5.1, 2.0.21, 2.1", "4.12.0, 1.6.21, 1.8"})
  void kotlinOlderThanTheOkHttpInUseNeedsIsRefused(String okHttp, String kotlin, String needed) {
    List<String> jars = okHttp.startsWith("4") ? ONE_OKHTTP4 : ONE_OKHTTP5;
    IncompatibleClassPathException e = refused(new Facts(okHttp, jars, kotlin, "1.15.2"));
    assertEquals("Kotlin stdlib", e.library());
    assertEquals(kotlin, e.found());
    assertEquals(needed + " or newer", e.needed());
    assertContains(
        e.getMessage(),
        "OkHttp "
            + okHttp
            + " needs the Kotlin standard library "
            + needed
            + " or newer; found "
            + e.found());
    assertContains(e.getMessage(), "org.jetbrains.kotlin:kotlin-stdlib");
  }

  @ParameterizedTest(name = "no Kotlin beside OkHttp {0} is refused as such")
  @CsvSource(
      nullValues = "none",
      value = {"5.5.1", "4.12.0", "none"})
  void noKotlinIsRefusedBeforeAskingOkHttpItsVersion(@Nullable String okHttp) {
    IncompatibleClassPathException e = refused(new Facts(okHttp, ONE_OKHTTP5, null, "1.15.2"));
    assertEquals("Kotlin stdlib", e.library());
    assertEquals("none", e.found());
    assertContains(e.getMessage(), "no Kotlin standard library is on the class path");
    assertContains(e.getMessage(), "org.jetbrains.kotlin:kotlin-stdlib:2.1.21");
  }

  @ParameterizedTest(name = "Moshi {0} is refused")
  @CsvSource({"1.12.0", "1.14.0", "1.8"})
  void moshiOlderThan115IsRefused(String moshi) {
    IncompatibleClassPathException e = refused(new Facts("5.5.1", ONE_OKHTTP5, "2.1.21", moshi));
    assertEquals("Moshi", e.library());
    assertEquals(moshi, e.found());
    assertContains(
        e.getMessage(), "needs Moshi 1.15 or newer (built with 1.15.2); found Moshi " + moshi);
    assertContains(e.getMessage(), "com.squareup.moshi:moshi:1.15.2");
    assertContains(e.getMessage(), "cf-audit-logs-bom");
  }

  @Test
  void versionsCompareByTheirNumbers() {
    assertTrue(ClassPathCheck.compare("4.12.0", "4.9.3") > 0);
    assertTrue(ClassPathCheck.compare("4.9.3", "4.12") < 0);
    assertEquals(0, ClassPathCheck.compare("4.12", "4.12.0"));
    assertEquals(0, ClassPathCheck.compare("5.0.0-alpha.14", "5"));
    assertTrue(ClassPathCheck.compare("10.0", "9.9.9") > 0);
  }

  @Test
  void thisBuildsClassPathReadsAsItsBomSaysAndPasses() {
    String okHttp = System.getProperty("expected.okhttp.version");
    Facts facts = ClassPathCheck.read();
    assertEquals(okHttp, facts.okHttp());
    assertEquals(List.of("okhttp-jvm-" + okHttp + ".jar"), facts.okHttpJars());
    assertEquals(System.getProperty("expected.kotlin.version"), facts.kotlin());
    assertEquals(System.getProperty("expected.moshi.version"), facts.moshi());
    assertTrue(ClassPathCheck.check(facts).isEmpty());
  }

  /**
   * A consumer's class path with okhttp 4.12.0 ahead of our okhttp-jvm 5.5.1: {@code build()}
   * refuses it before any request, naming both jars, where it used to fail at the first request.
   */
  @Test
  void buildRefusesARealClassPathWithTwoOkHttps() throws Exception {
    Path okHttp4 = Path.of(System.getProperty("okhttp4.jar", "target/okhttp4/okhttp-4.12.0.jar"));
    assertTrue(Files.isRegularFile(okHttp4), "copied by the build: " + okHttp4);
    List<URL> urls = new ArrayList<>();
    urls.add(okHttp4.toUri().toURL());
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty() && !entry.endsWith("test-classes")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    try (URLClassLoader consumer =
        new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      Class<?> client = Class.forName(AuditLogsClient.class.getName(), true, consumer);
      Object builder = client.getMethod("builder").invoke(null);
      Class<?> builderClass = builder.getClass();
      builderClass.getMethod("apiToken", String.class).invoke(builder, "fake-token-CLASSPATH-1");
      Method build = builderClass.getMethod("build");
      InvocationTargetException thrown =
          assertThrows(InvocationTargetException.class, () -> build.invoke(builder));
      Throwable cause = thrown.getCause();
      assertEquals(IncompatibleClassPathException.class.getName(), cause.getClass().getName());
      assertContains(cause.getMessage(), "2 OkHttp jars are on the class path");
      assertContains(
          cause.getMessage(),
          "okhttp-4.12.0.jar, okhttp-jvm-"
              + System.getProperty("expected.okhttp.version")
              + ".jar");
      assertContains(cause.getMessage(), "OkHttp 4.12.0 loading first");
      assertFalse(cause.getMessage().contains("fake-token-CLASSPATH-1"));
    }
  }

  private static IncompatibleClassPathException refused(Facts facts) {
    return assertInstanceOf(
        IncompatibleClassPathException.class,
        ClassPathCheck.check(facts).orElseThrow(() -> new AssertionError("accepted: " + facts)));
  }

  private static void assertContains(String text, String part) {
    assertTrue(text.contains(part), () -> "expected «" + part + "» in: " + text);
  }
}
