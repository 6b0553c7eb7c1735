package dev.cfauditlogs.testkit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Hand-written records with known values, for tests of exact semantics. */
final class Records {
  private Records() {}

  static String json(
      String id,
      String when,
      String actionType,
      @Nullable String email,
      @Nullable String ip,
      String actorType,
      @Nullable String zone) {
    StringBuilder s = new StringBuilder();
    s.append("{\"id\":\"").append(id).append("\",");
    s.append("\"action\":{\"result\":true,\"type\":\"").append(actionType).append("\"},");
    s.append("\"actor\":{\"id\":\"f6b5de0326bb5182b8a4840ee01ec774\"");
    if (email != null) {
      s.append(",\"email\":\"").append(email).append('"');
    }
    if (ip != null) {
      s.append(",\"ip\":\"").append(ip).append('"');
    }
    s.append(",\"type\":\"").append(actorType).append("\"},");
    s.append("\"interface\":\"API\",\"metadata\":{");
    if (zone != null) {
      s.append("\"zone_name\":\"").append(zone).append('"');
    }
    s.append("},\"owner\":{\"id\":\"023e105f4ecef8ad9ca31a8372d0c353\"},");
    s.append("\"resource\":{\"id\":\"023e105f4ecef8ad9ca31a8372d0c353\",\"type\":\"zone\"},");
    s.append("\"when\":\"").append(when).append("\"}");
    return s.toString();
  }

  /**
   * Seven records. Ascending order: a1, b2, c3, a4, d5, e6, f7 (b2 and c3 share a second; e6 and f7
   * share an instant written in two offsets).
   */
  static Dataset small() {
    return Dataset.of(
        List.of(
            json(
                "a1",
                "2025-11-30T23:59:59Z",
                "login",
                "alice@example.com",
                "198.51.100.7",
                "user",
                null),
            json(
                "b2",
                "2025-12-01T00:00:00Z",
                "change_setting",
                "Bob@Example.net",
                "2001:db8::1",
                "user",
                "example.com"),
            json(
                "c3",
                "2025-12-01T00:00:00Z",
                "login",
                "admin@cloudflare.com",
                "192.0.2.10",
                "admin",
                "bücher.example"),
            json(
                "a4",
                "2025-12-01T00:00:00.500Z",
                "change_setting",
                "alice@example.com",
                "198.51.100.200",
                "user",
                "example.net"),
            json("d5", "2025-12-02T12:00:00Z", "purge", null, null, "Cloudflare", "example.com"),
            json(
                "e6",
                "2025-12-03T08:00:00+02:00",
                "login",
                "o'neil+audit@example.org",
                "2001:db8:abcd:1::42",
                "user",
                null),
            json(
                "f7",
                "2025-12-03T06:00:00Z",
                "login",
                "alice@example.com",
                "203.0.113.9",
                "user",
                null)));
  }
}
