package dev.cfauditlogs.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Paths and loaders shared by the tests; the working directory is the module's. */
final class Fixtures {
  static final Path UPSTREAM = Path.of("src", "test", "resources", "upstream");
  static final Path CLOUDFLARE_MIN = UPSTREAM.resolve("cloudflare-min.yaml");
  static final Path REFS_AND_CYCLES = UPSTREAM.resolve("refs-and-cycles.yaml");
  static final Path OPENAPI = Path.of("..", "openapi");
  static final Path CHECKED_IN_SLICE = OPENAPI.resolve("upstream-slice.yaml");
  static final Path CHECKED_IN_EFFECTIVE = OPENAPI.resolve("effective.yaml");
  static final Path REAL_UPSTREAM = OPENAPI.resolve("upstream").resolve("cloudflare-openapi.yaml");

  private Fixtures() {}

  static Map<String, Object> load(Path path) {
    return Documents.load(path.toString());
  }

  static Map<String, Object> cloudflareMin() {
    return load(CLOUDFLARE_MIN);
  }

  /** The slice of {@code upstream} as the YAML text the tool writes. */
  static String sliceText(Map<String, Object> upstream) {
    return YamlWriter.write(Slicer.slice(upstream));
  }

  static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path path, String text) {
    try {
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The component {@code name} of {@code kind}. */
  static Map<String, Object> component(Map<String, Object> doc, String kind, String name) {
    return Trees.map(Trees.map(Trees.map(doc, "components"), kind), name);
  }

  static Map<String, Object> operation(Map<String, Object> doc) {
    return Trees.map(Trees.map(Trees.map(doc, "paths"), Slicer.PATH), Slicer.METHOD);
  }

  /** The inline query parameter {@code name} of the operation. */
  static Map<String, Object> parameter(Map<String, Object> doc, String name) {
    for (Object p : Trees.list(operation(doc), "parameters")) {
      if (name.equals(Trees.asMap(p).get("name"))) {
        return Trees.asMap(p);
      }
    }
    throw new AssertionError("no parameter " + name);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopy(Map<String, Object> doc) {
    return (Map<String, Object>) Trees.copy(doc);
  }
}
