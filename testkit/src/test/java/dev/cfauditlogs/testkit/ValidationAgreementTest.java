package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * The library's validation ({@code AuditLogQuery.Builder#build()}) and the emulator's model of
 * Cloudflare's (its {@code LogQuery}, reached over real HTTP) are two implementations on purpose:
 * one is ours, the other models the service. This test feeds both the same inputs and fails on any
 * disagreement that {@link #KNOWN_DIFFERENCES} does not list with its reason, and on any listed
 * difference that is gone (so the table cannot go stale).
 */
class ValidationAgreementTest {
  /** One input: a query parameter and its value as a user would give it. */
  private record Input(String parameter, String value) {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(parameter).append("='");
      value
          .chars()
          .forEach(c -> s.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
      return s.append('\'').toString();
    }
  }

  /** A difference we know of and accept: which side accepts the input, and why. */
  private record Known(boolean libraryAccepts, String reason) {}

  private static final String CONTROL_TEXT_REASON =
      "the library refuses blank text and control characters in every text filter before"
          + " sending (a blank or control-character filter is a mistake, never a wish); the"
          + " emulator takes id, action.type and zone.name as plain values that match nothing, as"
          + " far as we know Cloudflare does";

  private static final String UTC_YEAR_REASON =
      "the library sends date-times normalized to UTC, and this instant's UTC year is outside"
          + " 0000-9999, so RFC 3339 cannot write it: refused before sending; the emulator reads the"
          + " value with its offset as written";

  private static final String C1_EMAIL_REASON =
      "the library refuses control characters (C1 included) in an email before sending; the"
          + " emulator's email pattern, like the one it models, allows any character from U+0080";

  /** Every input on which the two sides may disagree, with the reason. */
  private static final Map<Input, Known> KNOWN_DIFFERENCES = new LinkedHashMap<>();

  static {
    for (String parameter : List.of("id", "action.type", "zone.name")) {
      for (String value : List.of("", " ", "\t", "a\u0000b", "a\nb", "a\u007fb", "a\u0085b")) {
        KNOWN_DIFFERENCES.put(new Input(parameter, value), new Known(false, CONTROL_TEXT_REASON));
      }
    }
    for (String parameter : List.of("since", "before")) {
      for (String value : List.of("0000-01-01T00:00:00+00:01", "9999-12-31T23:59:59-00:01")) {
        KNOWN_DIFFERENCES.put(new Input(parameter, value), new Known(false, UTC_YEAR_REASON));
      }
    }
    KNOWN_DIFFERENCES.put(
        new Input("actor.email", "a\u0085b@example.com"), new Known(false, C1_EMAIL_REASON));
  }

  private static final List<String> EMAILS =
      List.of(
          "a@example.com",
          "A.B-c+d@Example.COM",
          "a.@example.com",
          ".a@example.com",
          "a..b@example.com",
          "a.b.@example.com",
          "a@example",
          "a@b",
          "a@-example.com",
          "a@example-.com",
          "a@example..com",
          "a@.example.com",
          "a@example.com.",
          "a@@example.com",
          "a@b@example.com",
          "@example.com",
          "a@",
          "",
          " ",
          " a@example.com",
          "a@example.com ",
          "a b@example.com",
          "a\tb@example.com",
          "a\u0000@example.com",
          "a\u0085b@example.com",
          "\"a b\"@example.com",
          "!#$%&'*/=?^_`{|}~-@example.com",
          "ü@exämple.de",
          "用户@例子.广告",
          "x".repeat(64) + "@example.com",
          "x".repeat(65) + "@example.com",
          "a@" + "d".repeat(63) + ".com",
          "a@" + ("d".repeat(60) + ".").repeat(4) + "com",
          "a@[192.0.2.1]",
          "a(comment)@example.com");

  private static final List<String> IPS =
      List.of(
          "192.0.2.1",
          "0.0.0.0",
          "255.255.255.255",
          "256.0.0.1",
          "01.2.3.4",
          "1.2.3",
          "1.2.3.4.5",
          "1.2.3.4/0",
          "1.2.3.4/32",
          "1.2.3.4/33",
          "1.2.3.4/08",
          "1.2.3.4/",
          "1.2.3.4/-1",
          "1.2.3.4/+8",
          "198.51.100.7/24",
          " 1.2.3.4",
          "1.2.3.4 ",
          "١.٢.٣.٤",
          "::",
          "::1",
          "::/0",
          "2001:db8::1",
          "2001:DB8::1",
          "2001:db8:0:0:0:0:0:1",
          "2001:db8:0:0:0:0:0:0:1",
          "2001:db8::0:0:0:0:0:1",
          "2001:db8:::1",
          "2001:db8::1::2",
          "2001:db8::/32",
          "2001:db8::/128",
          "2001:db8::/129",
          ":1:2:3:4:5:6:7",
          "1:2:3:4:5:6:7:",
          "1:2:3:4:5:6:7::",
          "::1:2:3:4:5:6:7",
          "::ffff:192.0.2.1",
          "::ffff:192.0.2.1/96",
          "64:ff9b::192.0.2.33",
          "1:2:3:4:5:6:192.0.2.1",
          "1:2:3:4:5:6:7:192.0.2.1",
          "::192.0.2.1:1",
          "::ffff:256.1.1.1",
          "fe80::1%eth0",
          "[2001:db8::1]",
          "12345::1",
          "g::1",
          "２001:db8::1",
          "0000:0000:0000:0000:0000:0000:0000:0001",
          "00000::1",
          "",
          "localhost",
          "example.com");

  private static final List<String> TIMES =
      List.of(
          "2026-01-31",
          "2026-02-29",
          "2024-02-29",
          "2026-13-01",
          "2026-1-31",
          "2026-01-31T10:00:00Z",
          "2026-01-31t10:00:00z",
          "2026-01-31T10:00:00z",
          "2026-01-31t10:00:00Z",
          "2026-01-31 10:00:00Z",
          "2026-01-31T10:00Z",
          "2026-01-31T10:00:00",
          "2026-01-31T10:00:00.5Z",
          "2026-01-31T10:00:00.123456789Z",
          "2026-01-31T10:00:00.1234567891Z",
          "2026-01-31T10:00:00.Z",
          "2026-01-31T10:00:00,5Z",
          "2026-01-31T10:00:00+01:00",
          "2026-01-31T10:00:00-00:00",
          "2026-01-31T10:00:00+23:59",
          "2026-01-31T10:00:00+24:00",
          "2026-01-31T10:00:00+19:00",
          "2026-01-31T10:00:00+01:60",
          "2026-01-31T10:00:00+0100",
          "2026-01-31T10:00:00+01",
          "2026-01-31T24:00:00Z",
          "2026-01-31T23:60:00Z",
          "2016-12-31T23:59:60Z",
          "2016-12-31T23:59:60.5Z",
          "2016-12-31T18:59:60-05:00",
          "0000-01-01",
          "0000-01-01T00:00:00Z",
          "0000-01-01T00:00:00+00:01",
          "9999-12-31",
          "9999-12-31T23:59:59.999999999Z",
          "9999-12-31T23:59:59-00:01",
          "10000-01-01",
          "-2026-01-31",
          "+2026-01-31",
          "2026-01-31T10:00:00Z[UTC]",
          "2026-W05-1",
          "2026-031",
          "20260131",
          "20260131T100000Z",
          "١٢٣٤-01-01",
          "",
          " ",
          " 2026-01-31",
          "2026-01-31 ",
          "2026-01-31\n",
          "1714557600");

  private static final List<String> TEXTS =
      List.of("login", "a b", "ü", "", " ", "\t", "a\u0000b", "a\nb", "a\u007fb", "a\u0085b");

  @Test
  void libraryAndEmulatorAgreeOnEveryInputExceptTheKnownDifferences() {
    Map<String, BiConsumer<AuditLogQuery.Builder, String>> setters = new LinkedHashMap<>();
    setters.put("actor.email", AuditLogQuery.Builder::actorEmail);
    setters.put("actor.ip", AuditLogQuery.Builder::actorIp);
    setters.put("since", AuditLogQuery.Builder::since);
    setters.put("before", AuditLogQuery.Builder::before);
    setters.put("id", AuditLogQuery.Builder::id);
    setters.put("action.type", AuditLogQuery.Builder::actionType);
    setters.put("zone.name", AuditLogQuery.Builder::zoneName);
    List<Input> inputs = new ArrayList<>();
    EMAILS.forEach(v -> inputs.add(new Input("actor.email", v)));
    IPS.forEach(v -> inputs.add(new Input("actor.ip", v)));
    TIMES.forEach(v -> inputs.add(new Input("since", v)));
    TIMES.forEach(v -> inputs.add(new Input("before", v)));
    for (String parameter : List.of("id", "action.type", "zone.name")) {
      TEXTS.forEach(v -> inputs.add(new Input(parameter, v)));
    }

    List<String> disagreements = new ArrayList<>();
    int accepted = 0;
    int refused = 0;
    try (AuditLogEmulator emulator = AuditLogEmulator.builder().dataset(Records.small()).start()) {
      for (Input input : inputs) {
        boolean library = libraryAccepts(setters.get(input.parameter()), input.value());
        boolean emulated = emulatorAccepts(emulator, input);
        Known known = KNOWN_DIFFERENCES.get(input);
        if (library == emulated) {
          if (library) {
            accepted++;
            sameInstant(input);
          } else {
            refused++;
          }
          if (known != null) {
            disagreements.add(input + ": listed as a known difference, but both sides now agree");
          }
        } else if (known == null || known.libraryAccepts() != library) {
          disagreements.add(
              input + ": the library " + (library ? "accepts" : "refuses") + ", the emulator not");
        }
      }
    }
    assertEquals(List.of(), disagreements, String.join("\n", disagreements));
    for (Input listed : KNOWN_DIFFERENCES.keySet()) {
      assertTrue(inputs.contains(listed), "a known difference no input tries: " + listed);
    }
    assertTrue(accepted > 50 && refused > 80, accepted + " accepted, " + refused + " refused");
  }

  private static boolean libraryAccepts(BiConsumer<AuditLogQuery.Builder, String> set, String v) {
    try {
      AuditLogQuery.Builder b = AuditLogQuery.builder();
      set.accept(b, v);
      b.build();
      return true;
    } catch (InvalidRequestException e) {
      assertTrue(e.getMessage().contains("must"), e.getMessage());
      return false;
    }
  }

  /** What the emulator answers the value with, sent percent-encoded as any client would. */
  private static boolean emulatorAccepts(AuditLogEmulator emulator, Input input) {
    HttpUrl url =
        HttpUrl.get(emulator.baseUrl() + "/user/audit_logs")
            .newBuilder()
            .addQueryParameter(input.parameter(), input.value())
            .build();
    Http.Reply reply =
        Http.get(url.toString(), Headers.of("Authorization", "Bearer " + emulator.apiToken()));
    assertTrue(reply.status == 200 || reply.status == 400, input + ": " + reply);
    if (reply.status == 400) {
      assertEquals(1004, reply.errorCode(), input + ": " + reply);
    }
    return reply.status == 200;
  }

  /**
   * An accepted time means the same instant to both: the emulator reads the value as the user wrote
   * it and as the library sends it (normalized to UTC) alike.
   */
  private static void sameInstant(Input input) {
    if (!input.parameter().equals("since") && !input.parameter().equals("before")) {
      return;
    }
    AuditLogQuery q =
        input.parameter().equals("since")
            ? AuditLogQuery.builder().since(input.value()).build()
            : AuditLogQuery.builder().before(input.value()).build();
    String sent = q.parameters().get(input.parameter());
    Instant asWritten = Times.parseBound(input.value());
    assertEquals(asWritten, Times.parseBound(sent), input + " sent as " + sent);
  }
}
