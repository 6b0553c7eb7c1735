package dev.cfauditlogs;

import java.io.IOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Refuses, at client creation, a class path this library cannot run on, naming the versions found
 * and needed and the fix in the build; without it the clash shows later as a {@code
 * NoSuchMethodError} deep inside OkHttp or Moshi.
 *
 * <p>The rules, and where each comes from:
 *
 * <ul>
 *   <li>one OkHttp: OkHttp 5's Maven artifact is {@code okhttp-jvm}, 4.x's is {@code okhttp}, so
 *       Maven keeps both when a build names both; their classes then mix (seen by a consumer, issue
 *       16; {@code examples/run} shows the refusal);
 *   <li>OkHttp 4.12 or newer: the library uses only OkHttp API that 4.12 also has, and is tested on
 *       4.12.0 ({@code examples/okhttp4}) and 5.5.1;
 *   <li>a Kotlin standard library at least the one the OkHttp in use declares in its POM: 1.8 for
 *       OkHttp 4.12 ({@code okhttp-4.12.0.pom}), 2.1 for OkHttp 5 ({@code okhttp-jvm-5.5.1.pom});
 *       OkHttp 5 on Kotlin 1.8 fails with {@code NoSuchMethodError} (seen by a consumer, issue 16);
 *   <li>Moshi 1.15 or newer: the version the library is built with; 1.12 failed with {@code
 *       NoSuchMethodError} (seen by a consumer, issue 16). Moshi carries no version of its own, so
 *       it is read from its jar's file name and not checked when that name does not tell (a shaded
 *       jar).
 * </ul>
 */
final class ClassPathCheck {
  static final String OKHTTP_NEEDED = "4.12 or 5.x";
  static final String MOSHI_NEEDED = "1.15 or newer";

  private static final Pattern LEADING_NUMBERS = Pattern.compile("^\\d+(?:\\.\\d+)*");
  private static final Pattern MOSHI_JAR = Pattern.compile("moshi-(\\d+(?:\\.\\d+)*)[^/]*\\.jar");

  /** What the check reads off the class path; a version is null when it cannot be told. */
  record Facts(
      @Nullable String okHttp,
      List<String> okHttpJars,
      @Nullable String kotlin,
      @Nullable String moshi) {
    Facts {
      okHttpJars = List.copyOf(okHttpJars);
    }
  }

  private ClassPathCheck() {}

  /**
   * Throws when the class path of this library's OkHttp is one it cannot run on. Read once per JVM:
   * a class path does not change.
   */
  static void requireCompatible() {
    Optional<IncompatibleClassPathException> problem = check(Current.FACTS);
    if (problem.isPresent()) {
      throw problem.get();
    }
  }

  /** The first rule the facts break, as the exception to throw; empty when they break none. */
  static Optional<IncompatibleClassPathException> check(Facts facts) {
    String bom =
        "import dev.cfauditlogs:cf-audit-logs-bom:" + Version.VERSION + " (type pom, scope import)";
    if (facts.okHttpJars().size() > 1) {
      String jars = String.join(", ", facts.okHttpJars());
      return Optional.of(
          new IncompatibleClassPathException(
              "OkHttp",
              jars,
              "one OkHttp, " + OKHTTP_NEEDED,
              "cf-audit-logs: "
                  + facts.okHttpJars().size()
                  + " OkHttp jars are on the class path ("
                  + jars
                  + "), OkHttp "
                  + orUnknown(facts.okHttp())
                  + " loading first; their classes mix and fail later with NoSuchMethodError."
                  + " Keep one: for OkHttp 5, "
                  + bom
                  + " and drop com.squareup.okhttp3:okhttp 4.x or older (mvn dependency:tree"
                  + " -Dincludes=com.squareup.okhttp3 shows what brings it); to stay on OkHttp"
                  + " 4.12, exclude com.squareup.okhttp3:okhttp-jvm from dev.cfauditlogs:cf-audit-logs."));
    }
    String kotlin = facts.kotlin();
    if (kotlin == null) {
      // Checked before OkHttp's version: without Kotlin, OkHttp cannot even say which it is.
      return Optional.of(
          new IncompatibleClassPathException(
              "Kotlin stdlib",
              "none",
              "2.1 or newer (1.8 with OkHttp 4.12)",
              "cf-audit-logs: no Kotlin standard library is on the class path, and OkHttp is written in"
                  + " Kotlin. Fix: "
                  + bom
                  + ", or declare org.jetbrains.kotlin:kotlin-stdlib:2.1.21."));
    }
    String okHttp = facts.okHttp();
    if (okHttp == null || compare(okHttp, "4.12") < 0) {
      return Optional.of(
          new IncompatibleClassPathException(
              "OkHttp",
              orUnknown(okHttp),
              OKHTTP_NEEDED,
              "cf-audit-logs needs OkHttp "
                  + OKHTTP_NEEDED
                  + "; found OkHttp "
                  + orUnknown(okHttp)
                  + " (an old Retrofit, such as 2.9, brings OkHttp 3). Fix: "
                  + bom
                  + ", or declare com.squareup.okhttp3:okhttp:4.12.0."));
    }
    boolean okHttp5 = compare(okHttp, "5") >= 0;
    String kotlinNeeded = okHttp5 ? "2.1" : "1.8";
    if (compare(kotlin, kotlinNeeded) < 0) {
      return Optional.of(
          new IncompatibleClassPathException(
              "Kotlin stdlib",
              kotlin,
              kotlinNeeded + " or newer",
              "cf-audit-logs: OkHttp "
                  + okHttp
                  + " needs the Kotlin standard library "
                  + kotlinNeeded
                  + " or newer; found "
                  + kotlin
                  + " (org.jetbrains.kotlin:kotlin-stdlib). Fix: "
                  + (okHttp5
                      ? bom
                          + " before any other BOM that manages Kotlin, or declare"
                          + " org.jetbrains.kotlin:kotlin-stdlib:2.1.21."
                      : "declare org.jetbrains.kotlin:kotlin-stdlib:1.8.21 or newer.")));
    }
    String moshi = facts.moshi();
    if (moshi != null && compare(moshi, "1.15") < 0) {
      return Optional.of(
          new IncompatibleClassPathException(
              "Moshi",
              moshi,
              MOSHI_NEEDED,
              "cf-audit-logs needs Moshi "
                  + MOSHI_NEEDED
                  + " (built with 1.15.2); found Moshi "
                  + moshi
                  + ". Fix: "
                  + bom
                  + ", or declare com.squareup.moshi:moshi:1.15.2."));
    }
    return Optional.empty();
  }

  /**
   * Compares dotted version numbers by their leading numeric parts ({@code 5.0.0-alpha.14} counts
   * as 5.0.0); missing parts count as 0.
   */
  static int compare(String version, String other) {
    int[] a = numbers(version);
    int[] b = numbers(other);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int x = i < a.length ? a[i] : 0;
      int y = i < b.length ? b[i] : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }

  private static int[] numbers(String version) {
    Matcher m = LEADING_NUMBERS.matcher(version);
    if (!m.find()) {
      return new int[] {0};
    }
    String[] parts = m.group().split("\\.");
    int[] numbers = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      numbers[i] = Integer.parseInt(parts[i]);
    }
    return numbers;
  }

  private static String orUnknown(@Nullable String version) {
    return version == null ? "of unknown version (older than 4)" : version;
  }

  /** Reads the facts of the class path that loaded this library's OkHttp. */
  static Facts read() {
    ClassLoader loader = okhttp3.OkHttpClient.class.getClassLoader();
    if (loader == null) {
      loader = ClassLoader.getSystemClassLoader();
    }
    return new Facts(
        okHttpVersion(loader), okHttpJars(loader), kotlinVersion(loader), moshiVersion());
  }

  private static @Nullable String okHttpVersion(ClassLoader loader) {
    try {
      // A constant: read by reflection, or javac would inline the version compiled against.
      return String.valueOf(
          Class.forName("okhttp3.OkHttp", true, loader).getField("VERSION").get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      // OkHttp 3 has no okhttp3.OkHttp; its user agent is "okhttp/3.14.9".
    }
    try {
      String agent =
          String.valueOf(
              Class.forName("okhttp3.internal.Version", true, loader)
                  .getMethod("userAgent")
                  .invoke(null));
      return agent.startsWith("okhttp/") ? agent.substring("okhttp/".length()) : null;
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  private static List<String> okHttpJars(ClassLoader loader) {
    Set<String> jars = new LinkedHashSet<>();
    try {
      Enumeration<URL> found = loader.getResources("okhttp3/OkHttpClient.class");
      for (URL url : Collections.list(found)) {
        jars.add(describe(url));
      }
    } catch (IOException e) {
      return List.of();
    }
    return new ArrayList<>(jars);
  }

  /** A jar's file name ({@code okhttp-4.12.0.jar}), or the location when it is no jar. */
  private static String describe(URL url) {
    String text = url.toString();
    int bang = text.indexOf("!/");
    String location = bang >= 0 ? text.substring(0, bang) : text;
    int slash = location.lastIndexOf('/');
    return bang >= 0 && slash >= 0 ? location.substring(slash + 1) : location;
  }

  private static @Nullable String kotlinVersion(ClassLoader loader) {
    try {
      return String.valueOf(
          Class.forName("kotlin.KotlinVersion", true, loader).getField("CURRENT").get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  private static @Nullable String moshiVersion() {
    try {
      CodeSource source = com.squareup.moshi.JsonReader.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return null;
      }
      String path = source.getLocation().getPath();
      Matcher m = MOSHI_JAR.matcher(path.substring(path.lastIndexOf('/') + 1));
      return m.matches() ? m.group(1) : null;
    } catch (SecurityException e) {
      return null;
    }
  }

  /** The facts of this JVM, read on first use. */
  private static final class Current {
    static final Facts FACTS = read();
  }
}
