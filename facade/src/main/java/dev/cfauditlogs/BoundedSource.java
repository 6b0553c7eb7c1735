package dev.cfauditlogs;

import java.io.IOException;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * A source that fails with {@link TooLargeException} once more than a set number of bytes were read
 * from it.
 */
final class BoundedSource extends ForwardingSource {
  private final long limit;
  private long read;
  private boolean exhausted;

  BoundedSource(Source delegate, long limit) {
    super(delegate);
    this.limit = limit;
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    long n = super.read(sink, byteCount);
    if (n == -1) {
      exhausted = true;
    } else if (n > 0) {
      read += n;
      if (read > limit) {
        throw new TooLargeException(limit);
      }
    }
    return n;
  }

  /**
   * Whether the underlying body ended normally (as opposed to failing or not being read to its
   * end).
   */
  boolean exhausted() {
    return exhausted;
  }

  /** The body was larger than the cap; not a network failure, so never retried. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long limit) {
      super("the response body is larger than the " + limit + "-byte cap");
    }
  }
}
