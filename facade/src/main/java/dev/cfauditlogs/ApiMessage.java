package dev.cfauditlogs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@code errors} or {@code messages} array of a Cloudflare response, with the
 * causes Cloudflare chained to it. Immutable.
 *
 * <p>The fields {@code code} and {@code message} are in Cloudflare's OpenAPI document ({@code
 * aaa_messages}); {@code documentation_url}, {@code source.pointer} and the nested {@code
 * error_chain} are observed in real error bodies, not documented: for example a 400 with code 6003
 * "Invalid request headers" whose chain holds 6103 "Invalid format for X-Auth-Key header".
 */
public final class ApiMessage {
  private final int code;
  private final String message;
  private final @Nullable String documentationUrl;
  private final @Nullable String sourcePointer;
  private final List<ApiMessage> errorChain;

  ApiMessage(
      int code,
      String message,
      @Nullable String documentationUrl,
      @Nullable String sourcePointer,
      List<ApiMessage> errorChain) {
    this.code = code;
    this.message = message;
    this.documentationUrl = documentationUrl;
    this.sourcePointer = sourcePointer;
    this.errorChain = List.copyOf(errorChain);
  }

  /** Cloudflare's error code, such as {@code 10000}; 0 when the entry had no usable code. */
  public int code() {
    return code;
  }

  /** The human-readable message; empty when the entry had none. */
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

  /**
   * The causes Cloudflare chained to this entry ({@code error_chain}), in the order sent, each with
   * its own chain; empty when there were none. Unmodifiable.
   */
  public List<ApiMessage> errorChain() {
    return errorChain;
  }

  /** This entry followed by every entry of its chain, depth first. Unmodifiable. */
  public List<ApiMessage> withCauses() {
    List<ApiMessage> all = new ArrayList<>();
    addWithCauses(all);
    return List.copyOf(all);
  }

  private void addWithCauses(List<ApiMessage> all) {
    all.add(this);
    for (ApiMessage cause : errorChain) {
      cause.addWithCauses(all);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ApiMessage other
        && code == other.code
        && message.equals(other.message)
        && Objects.equals(documentationUrl, other.documentationUrl)
        && Objects.equals(sourcePointer, other.sourcePointer)
        && errorChain.equals(other.errorChain);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, message, documentationUrl, sourcePointer, errorChain);
  }

  /**
   * {@code code: message}, the pointer when sent, and the chain, such as {@code 6003: Invalid
   * request headers [caused by 6103: Invalid format for X-Auth-Key header]}.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(code).append(": ").append(message);
    if (sourcePointer != null) {
      s.append(" (at ").append(sourcePointer).append(')');
    }
    if (!errorChain.isEmpty()) {
      s.append(" [caused by ");
      for (int i = 0; i < errorChain.size(); i++) {
        s.append(i == 0 ? "" : "; ").append(errorChain.get(i));
      }
      s.append(']');
    }
    return s.toString();
  }
}
