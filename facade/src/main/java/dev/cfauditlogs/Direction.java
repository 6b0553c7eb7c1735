package dev.cfauditlogs;

/** The chronological order of results. Cloudflare's default is {@link #DESC}, newest first. */
public enum Direction {
  /** Newest first. */
  DESC("desc"),
  /** Oldest first. */
  ASC("asc");

  private final String wireValue;

  Direction(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value sent as the {@code direction} query parameter. */
  public String wireValue() {
    return wireValue;
  }

  /** Parses {@code asc} or {@code desc} (any case). */
  public static Direction parse(String text) {
    for (Direction d : values()) {
      if (d.wireValue.equalsIgnoreCase(text)) {
        return d;
      }
    }
    throw new InvalidRequestException(
        "direction", "direction must be 'asc' or 'desc' but was '" + text + "'");
  }
}
