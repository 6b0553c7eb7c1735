package dev.cfauditlogs.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A minimal {@code GET /client/v4/user/audit_logs} on 127.0.0.1 that makes record {@code i} on the
 * fly from its index, so that a million records cost no server memory. Record {@code i} (newest
 * first) has the id {@code 00000000-0000-4000-8000-<i in 12 hex digits>}, which lets a client check
 * exactly-once delivery with a bit set. Record {@code i} happened {@code i} seconds before
 * 2026-11-01T00:00:00Z. It honours {@code since}, {@code before}, {@code page} and {@code
 * per_page}, sends {@code result_info}, serves newest first whatever {@code direction} says and
 * ignores the other filters.
 */
final class GeneratingServer implements AutoCloseable {
  static final String ID_PREFIX = "00000000-0000-4000-8000-";
  private static final Instant NEWEST = Instant.parse("2026-11-01T00:00:00Z");
  private static final String[] KINDS = {"login", "change_setting", "rec_set", "purge", "logout"};
  private static final String[] ZONES = {"example.com", "example.net", "shop.example.org"};

  private final HttpServer server;
  private final ExecutorService executor;
  private final int records;
  private final String token;
  private final AtomicInteger requests = new AtomicInteger();

  GeneratingServer(int records, String token) throws IOException {
    this.records = records;
    this.token = token;
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 16);
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "generating-server");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/client/v4/user/audit_logs", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4";
  }

  int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      requests.incrementAndGet();
      if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(
            exchange,
            401,
            "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],\"messages\":[],\"result\":null}");
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      long page = Math.max(1, parse(query.get("page"), 1));
      int perPage = (int) Math.min(1000, Math.max(1, parse(query.get("per_page"), 100)));
      // The records in [since, before): record i is at NEWEST - i seconds.
      long first = 0;
      long end = records;
      Instant before = instant(query.get("before"));
      if (before != null) {
        long seconds = NEWEST.getEpochSecond() - before.getEpochSecond();
        first = Math.max(first, seconds + (before.getNano() == 0 ? 1 : 0));
      }
      Instant since = instant(query.get("since"));
      if (since != null) {
        long seconds = NEWEST.getEpochSecond() - since.getEpochSecond();
        end = Math.min(end, seconds + (since.getNano() == 0 ? 1 : 0));
      }
      long matching = Math.max(0, end - first);
      long from = first + Math.min(matching, (page - 1) * perPage);
      long to = Math.min(first + matching, from + perPage);
      send(exchange, 200, page(from, to, page, perPage, matching));
    } finally {
      exchange.close();
    }
  }

  private static String page(long from, long to, long page, int perPage, long total) {
    StringBuilder s = new StringBuilder(200 + (int) (to - from) * 520);
    s.append("{\"errors\":[],\"messages\":[],\"result\":[");
    for (long i = from; i < to; i++) {
      if (i > from) {
        s.append(',');
      }
      record(s, i);
    }
    s.append("],\"result_info\":{\"page\":")
        .append(page)
        .append(",\"per_page\":")
        .append(perPage)
        .append(",\"count\":")
        .append(to - from)
        .append(",\"total_count\":")
        .append(total)
        .append(",\"total_pages\":")
        .append((total + perPage - 1) / perPage)
        .append("},\"success\":true}");
    return s.toString();
  }

  /** Record {@code i}: about 480 bytes, shaped like Cloudflare's. */
  static void record(StringBuilder s, long i) {
    String kind = KINDS[(int) (i % KINDS.length)];
    String zone = ZONES[(int) (i % ZONES.length)];
    s.append("{\"id\":\"").append(ID_PREFIX).append(hex12(i)).append('"');
    s.append(",\"action\":{\"result\":").append(i % 17 != 0).append(",\"type\":\"").append(kind);
    s.append("\"},\"actor\":{\"id\":\"").append(hex32(i * 31 % 7)).append('"');
    s.append(",\"email\":\"user").append(i % 7).append("@example.com\"");
    s.append(",\"ip\":\"198.51.100.").append(1 + i % 254).append("\",\"type\":\"user\"}");
    s.append(",\"interface\":\"").append(i % 3 == 0 ? "UI" : "API").append('"');
    s.append(",\"metadata\":{\"zone_name\":\"")
        .append(zone)
        .append("\",\"value\":\"")
        .append(i % 2 == 0 ? "on" : "off")
        .append("\"}");
    s.append(",\"newValue\":\"").append(i % 2 == 0 ? "on" : "off").append('"');
    s.append(",\"oldValue\":\"").append(i % 2 == 0 ? "off" : "on").append('"');
    s.append(",\"owner\":{\"id\":\"").append(hex32(42)).append("\"}");
    s.append(",\"resource\":{\"id\":\"").append(hex32(i % 1000)).append("\",\"type\":\"zone\"}");
    s.append(",\"when\":\"").append(NEWEST.minusSeconds(i)).append("\"}");
  }

  private static String hex12(long i) {
    String hex = Long.toHexString(i);
    return "000000000000".substring(hex.length()) + hex;
  }

  private static String hex32(long i) {
    String hex = Long.toHexString(i * 0x9E3779B97F4A7C15L);
    return "0000000000000000".substring(hex.length()) + hex + "0123456789abcdef";
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("cf-ray", "0000000000000000-GEN");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(@Nullable String rawQuery) {
    Map<String, String> out = new HashMap<>();
    if (rawQuery == null) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** An RFC 3339 date-time or full-date (midnight UTC), or null when absent or unreadable. */
  private static @Nullable Instant instant(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long parse(@Nullable String text, long defaultValue) {
    if (text == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return defaultValue;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
