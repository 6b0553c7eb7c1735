package dev.cfauditlogs;

/**
 * Removes the white space between JSON tokens from a JSON text given as UTF-8 bytes, leaving every
 * name, string, number and literal exactly as sent: the one compaction behind {@link
 * AuditLog#compactJson()} (which the CLI writes and a {@link SyncCheckpoint} remembers id-less
 * records by, as version 1 checkpoints did). Works on the bytes: in UTF-8 the bytes of {@code "},
 * {@code \} and JSON white space never occur inside a multi-byte character.
 */
final class CompactUtf8 {
  private CompactUtf8() {}

  /** The compact text; {@code utf8} itself (not a copy) when there is nothing to remove. */
  static byte[] of(byte[] utf8) {
    int first = firstSpaceOutsideStrings(utf8);
    if (first < 0) {
      return utf8;
    }
    byte[] out = new byte[utf8.length];
    System.arraycopy(utf8, 0, out, 0, first);
    int n = first;
    boolean inString = false;
    for (int i = first; i < utf8.length; i++) {
      byte b = utf8[i];
      if (inString) {
        out[n++] = b;
        if (b == '\\' && i + 1 < utf8.length) {
          out[n++] = utf8[++i];
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
        out[n++] = b;
      } else if (!isSpace(b)) {
        out[n++] = b;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * The index of the first white space byte outside strings, or -1. The hot loop of writing
   * records: a string (most of a record's bytes) is passed over looking only for its closing quote.
   */
  private static int firstSpaceOutsideStrings(byte[] utf8) {
    int n = utf8.length;
    int i = 0;
    while (i < n) {
      byte b = utf8[i++];
      if (b == '"') {
        while (i < n) {
          byte c = utf8[i++];
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            i++;
          }
        }
      } else if (b <= ' ' && isSpace(b)) {
        return i - 1;
      }
    }
    return -1;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
