package dev.cfauditlogs;

import org.jspecify.annotations.Nullable;

/**
 * An element of a page's {@code result} array that is not a record: not a JSON object ({@code
 * null}, {@code 42}, {@code "x"}, {@code []}), or an object that is not valid JSON. It is skipped;
 * the records around it are delivered.
 */
public final class SkippedElement {
  private final int index;
  private final String reason;
  private final String start;

  SkippedElement(int index, String reason, String start) {
    this.index = index;
    this.reason = reason;
    this.start = start;
  }

  /** Its position in the page's {@code result} array, from 0. */
  public int index() {
    return index;
  }

  /** Why it was skipped: {@code not a JSON object} or {@code not valid JSON}. */
  public String reason() {
    return reason;
  }

  /**
   * The first characters of its JSON text (at most {@value PageElements#SHOWN_CHARS}), with the
   * client's credentials masked.
   */
  public String start() {
    return start;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SkippedElement other
        && index == other.index
        && reason.equals(other.reason)
        && start.equals(other.start);
  }

  @Override
  public int hashCode() {
    return (index * 31 + reason.hashCode()) * 31 + start.hashCode();
  }

  /** {@code result[3] (not a JSON object): 42}. */
  @Override
  public String toString() {
    return "result[" + index + "] (" + reason + "): " + start;
  }
}
