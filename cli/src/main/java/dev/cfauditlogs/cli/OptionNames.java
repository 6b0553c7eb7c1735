package dev.cfauditlogs.cli;

import dev.cfauditlogs.InvalidRequestException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CLI option behind each setting or query parameter the library names in an {@link
 * InvalidRequestException} ({@link InvalidRequestException#parameter()}: builder settings such as
 * {@code maxRetries}, API parameters such as {@code per_page}), so that a refusal names what the
 * user typed. Environment variables, which the user also typed, are left as they are.
 */
final class OptionNames {
  private static final Map<String, String> OPTIONS =
      Map.ofEntries(
          Map.entry("baseUrl", "--base-url"),
          Map.entry("maxRetries", "--max-retries"),
          Map.entry("timeout", "--timeout"),
          Map.entry("concurrency", "--concurrency"),
          Map.entry("per_page", "--per-page"),
          Map.entry("page", "--page"),
          Map.entry("since", "--since"),
          Map.entry("before", "--before"),
          Map.entry("direction", "--direction"),
          Map.entry("id", "--id"),
          Map.entry("action.type", "--action-type"),
          Map.entry("actor.email", "--actor-email"),
          Map.entry("actor.ip", "--actor-ip"),
          Map.entry("zone.name", "--zone-name"),
          Map.entry("account_id", "--account-id"));

  /**
   * A known name where it is the subject of the message ("maxRetries must …", "… than before (…)");
   * a word of the refused value cannot match, because only the text before the value is rewritten.
   */
  private static final Pattern NAME =
      Pattern.compile(
          "(?<=^|[\\s:])(baseUrl|maxRetries|timeout|concurrency|per_page|page|since|before"
              + "|direction|id|action\\.type|actor\\.email|actor\\.ip|zone\\.name|account_id)"
              + "(?= must\\b| \\()");

  /**
   * The library's knobs a refusal names as a program sets them, and the option a CLI user types
   * instead.
   */
  private static final Map<String, String> KNOBS =
      Map.of("AuditLogsClient.Builder.allowInsecureHttp(true)", "--allow-insecure-http");

  /**
   * The CLI's own sentence for a refusal whose library message speaks to a program (as "give them
   * to the builder with apiToken(...)"), by {@link InvalidRequestException#parameter()}: a CLI user
   * has only the environment (and options) to give.
   */
  private static final Map<String, String> CLI_MESSAGES =
      Map.of(
          "credentials",
          "No Cloudflare credentials: set CLOUDFLARE_API_TOKEN (or CLOUDFLARE_EMAIL and"
              + " CLOUDFLARE_API_KEY) in the environment");

  private OptionNames() {}

  /** The option for the library's name {@code parameter}, or the name itself when none is known. */
  static String option(String parameter) {
    return OPTIONS.getOrDefault(parameter, parameter);
  }

  /**
   * {@code e}'s message with the library's names replaced by the options a user types, such as
   * "--max-retries must be between 0 and 10 but was 11".
   */
  static String message(InvalidRequestException e) {
    String own = CLI_MESSAGES.get(e.parameter());
    if (own != null) {
      return own;
    }
    String message = String.valueOf(e.getMessage());
    String subject = e.parameter() + " ";
    if (message.startsWith(subject)) { // "baseUrl uses plain http …"
      message = option(e.parameter()) + message.substring(e.parameter().length());
    }
    int value = message.indexOf(" but was ");
    String head = value < 0 ? message : message.substring(0, value);
    String tail = value < 0 ? "" : message.substring(value);
    Matcher m = NAME.matcher(head);
    StringBuilder named = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(named, Matcher.quoteReplacement(option(m.group(1))));
    }
    m.appendTail(named);
    String said = named + tail;
    for (Map.Entry<String, String> knob : KNOBS.entrySet()) {
      said = said.replace(knob.getKey(), knob.getValue());
    }
    return said;
  }
}
