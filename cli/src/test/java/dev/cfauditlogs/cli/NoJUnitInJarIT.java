package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The CLI ships the emulator core, never test code: no class in the built {@code cf-audit-logs.jar}
 * is JUnit's or refers to JUnit (by class, descriptor or string), so the testkit's JUnit 5 module
 * can never slip into the product.
 */
class NoJUnitInJarIT {
  @Test
  void noClassInTheJarRefersToJUnit() throws IOException {
    List<String> offenders = new ArrayList<>();
    int classes = 0;
    try (ZipFile jar = new ZipFile(JarRunner.JAR.toFile())) {
      for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        if (namesJUnit(entry.getName())) {
          offenders.add(entry.getName() + " (a JUnit file)");
          continue;
        }
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        classes++;
        try (InputStream in = jar.getInputStream(entry)) {
          List<String> found = junitReferences(in.readAllBytes());
          if (!found.isEmpty()) {
            offenders.add(entry.getName() + " refers to " + found);
          }
        }
      }
    }
    assertTrue(classes > 1000, "the jar holds the CLI, the library and their dependencies");
    assertEquals(List.of(), offenders, "classes in " + JarRunner.JAR + " that refer to JUnit");
  }

  /** The scan finds what it looks for: this very class refers to JUnit's {@code @Test}. */
  @Test
  void theScanFindsAReferenceToJUnit() throws IOException {
    try (InputStream in =
        NoJUnitInJarIT.class.getResourceAsStream(NoJUnitInJarIT.class.getSimpleName() + ".class")) {
      List<String> found = junitReferences(in.readAllBytes());
      assertTrue(found.contains("Lorg/junit/jupiter/api/Test;"), found::toString);
    }
    try (InputStream in = Main.class.getResourceAsStream(Main.class.getSimpleName() + ".class")) {
      assertEquals(List.of(), junitReferences(in.readAllBytes()));
    }
  }

  private static List<String> junitReferences(byte[] classFile) throws IOException {
    List<String> found = new ArrayList<>();
    for (String text : ClassReferences.utf8Constants(classFile)) {
      if (namesJUnit(text)) {
        found.add(text);
      }
    }
    return found;
  }

  /** {@code org/junit/…} as a class or file name, {@code org.junit.…} as in reflection. */
  private static boolean namesJUnit(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("org/junit") || lower.contains("org.junit");
  }
}
