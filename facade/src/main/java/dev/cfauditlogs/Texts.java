package dev.cfauditlogs;

/** Small helpers for putting outside text into messages safely. */
final class Texts {
  private Texts() {}

  /**
   * Cuts to at most {@code max} characters and escapes control characters and invisible format
   * characters (such as bidi overrides), so a message stays one line and reads as it is.
   */
  static String shorten(String text, int max) {
    StringBuilder s = new StringBuilder(Math.min(text.length(), max) + 8);
    for (int i = 0; i < text.length() && s.length() < max; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        s.append(
            c == '\n'
                ? "\\n"
                : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    if (s.length() >= max && text.length() > max) {
      s.append('…');
    }
    return s.toString();
  }
}
