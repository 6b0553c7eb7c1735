package dev.cfauditlogs.spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.reader.UnicodeReader;

/** Loads an OpenAPI document, JSON or YAML, from a file path or an http(s) or file URL. */
final class Documents {
  private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://.*");
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private Documents() {}

  /** The bytes at {@code location}: a URL if it has a scheme, otherwise a file path. */
  static byte[] fetch(String location) {
    if (!URL.matcher(location).matches()) {
      return readFile(Path.of(location), location);
    }
    URI uri;
    try {
      uri = URI.create(location);
    } catch (IllegalArgumentException e) {
      throw new SpecException("not a valid URL: " + location, e);
    }
    switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
      case "file":
        return readFile(Path.of(uri), location);
      case "http":
      case "https":
        return download(uri);
      default:
        throw new SpecException("unsupported URL scheme (use http, https or file): " + location);
    }
  }

  /** The document tree of {@code bytes}; JSON if it starts with '{' or '[', YAML otherwise. */
  static Map<String, Object> parse(byte[] bytes, String name) {
    Object tree =
        looksLikeJson(bytes)
            ? JsonTreeReader.read(bytes, name)
            : YamlTreeReader.read(new UnicodeReader(new ByteArrayInputStream(bytes)), name);
    if (!(tree instanceof Map)) {
      throw new SpecException(name + " is not an OpenAPI document: its root is not an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> document = (Map<String, Object>) tree;
    return document;
  }

  /** {@link #fetch} then {@link #parse}. */
  static Map<String, Object> load(String location) {
    return parse(fetch(location), location);
  }

  static boolean looksLikeJson(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb) {
      i = 3; // UTF-8 byte order mark
    }
    for (; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b == '{' || b == '[';
      }
    }
    return false;
  }

  private static byte[] readFile(Path path, String location) {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new SpecException("no such file: " + location, e);
    } catch (IOException e) {
      throw new SpecException("cannot read " + location + ": " + e, e);
    }
  }

  private static byte[] download(URI uri) {
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new SpecException("cannot download " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while downloading " + uri, e));
    }
    if (response.statusCode() != 200) {
      throw new SpecException("GET " + uri + " answered HTTP " + response.statusCode());
    }
    return response.body();
  }
}
