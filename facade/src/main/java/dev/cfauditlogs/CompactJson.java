package dev.cfauditlogs;

/**
 * Removes the whitespace between JSON tokens, leaving every name, value and number literal exactly
 * as sent: the form in which a record without an {@code id} is remembered by a {@link
 * SyncCheckpoint} (as the CLI has written it since version 1 checkpoints).
 */
final class CompactJson {
  private CompactJson() {}

  static String of(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < json.length()) {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        out.append(c);
      }
    }
    return out.length() == json.length() ? json : out.toString();
  }
}
