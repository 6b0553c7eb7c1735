package dev.cfauditlogs;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One entry of the {@code errors} or {@code messages} array of a Cloudflare response. */
public final class ApiMessage {
  private final int code;
  private final String message;
  private final @Nullable String documentationUrl;
  private final @Nullable String sourcePointer;

  ApiMessage(
      int code, String message, @Nullable String documentationUrl, @Nullable String sourcePointer) {
    this.code = code;
    this.message = message;
    this.documentationUrl = documentationUrl;
    this.sourcePointer = sourcePointer;
  }

  /** Cloudflare's error code, such as {@code 10000}. */
  public int code() {
    return code;
  }

  /** The human-readable message. */
  public String message() {
    return message;
  }

  /** A link to documentation about this error, when sent. */
  public Optional<String> documentationUrl() {
    return Optional.ofNullable(documentationUrl);
  }

  /** A JSON pointer to the offending part of the request ({@code source.pointer}), when sent. */
  public Optional<String> sourcePointer() {
    return Optional.ofNullable(sourcePointer);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ApiMessage other
        && code == other.code
        && message.equals(other.message)
        && Objects.equals(documentationUrl, other.documentationUrl)
        && Objects.equals(sourcePointer, other.sourcePointer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, message, documentationUrl, sourcePointer);
  }

  @Override
  public String toString() {
    return code + ": " + message + (sourcePointer == null ? "" : " (at " + sourcePointer + ")");
  }
}
