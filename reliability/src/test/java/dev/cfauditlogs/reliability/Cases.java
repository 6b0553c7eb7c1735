package dev.cfauditlogs.reliability;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded, bounded random cases for the property and fuzz tests, on plain JUnit 5.
 *
 * <p>A property is a test method that calls {@link #run} with a generator and a check. Case {@code
 * i} of a property draws from its own {@link Random}, seeded from {@code fuzz.seed}, the property's
 * name and {@code i}: the cases do not depend on each other or on how many run, so one case can be
 * replayed alone. System properties:
 *
 * <ul>
 *   <li>{@code fuzz.tries}: cases per property (default 200, the CI count); properties that are
 *       slow per case run a fixed fraction of it (the 429 headers half, deep nesting a fifth)
 *   <li>{@code fuzz.seed}: the seed (default {@value #DEFAULT_SEED})
 *   <li>{@code fuzz.case}: run only this case index (with {@code -Dtest=Class#method})
 * </ul>
 *
 * <p>A failure names the property, the seed, the case index, the command that replays it and the
 * input (shortened), with the original failure as its cause.
 */
final class Cases {
  static final long DEFAULT_SEED = 20261122L;

  /** Cases per property in CI, unless {@code fuzz.tries} says otherwise. */
  static final int CI_TRIES = 200;

  private static final long SEED = Long.getLong("fuzz.seed", DEFAULT_SEED);
  private static final Integer TRIES = Integer.getInteger("fuzz.tries");
  private static final Integer ONLY = Integer.getInteger("fuzz.case");
  private static final int SHOWN = 400;

  private Cases() {}

  /** What is checked for each generated input. */
  @FunctionalInterface
  interface Check<T> {
    void check(T input) throws Exception;
  }

  /** Runs {@code check} over {@link #CI_TRIES} (or {@code fuzz.tries}) generated inputs. */
  static <T> void run(Function<Random, T> generator, Check<T> check) {
    run(CI_TRIES, generator, check);
  }

  /**
   * Runs {@code check} over {@code ciTries} generated inputs; with {@code fuzz.tries} set, over
   * {@code fuzz.tries * ciTries / 200} (at least one).
   */
  static <T> void run(int ciTries, Function<Random, T> generator, Check<T> check) {
    StackWalker.StackFrame caller =
        StackWalker.getInstance()
            .walk(
                frames ->
                    frames.filter(f -> !f.getClassName().equals(Cases.class.getName())).findFirst())
            .orElseThrow();
    String className = caller.getClassName();
    String property =
        className.substring(className.lastIndexOf('.') + 1) + "#" + caller.getMethodName();
    int tries = TRIES == null ? ciTries : (int) Math.max(1, (long) TRIES * ciTries / CI_TRIES);
    int from = ONLY == null ? 0 : ONLY;
    int to = ONLY == null ? tries : ONLY + 1;
    for (int i = from; i < to; i++) {
      Object shown = "(not generated)";
      try {
        T input = generator.apply(random(property, i));
        shown = input;
        check.check(input);
      } catch (Throwable t) {
        throw new AssertionError(
            property
                + " failed at case "
                + i
                + " of "
                + tries
                + ", seed "
                + SEED
                + ". Replay: ./mvnw -B -pl reliability test -Dtest='"
                + property
                + "' -Dfuzz.seed="
                + SEED
                + " -Dfuzz.case="
                + i
                + "\nInput: "
                + show(shown)
                + "\nFailure: "
                + t,
            t);
      }
    }
  }

  /** The random source of case {@code index} of {@code property}. */
  static Random random(String property, int index) {
    long base = mix(SEED ^ mix(property.hashCode()));
    return new Random(mix(base + (index + 1) * 0x9E3779B97F4A7C15L));
  }

  /** SplitMix64's finalizer: every input bit affects every output bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The input printably: control characters and surrogates escaped, long text cut. */
  static String show(Object input) {
    String text = input instanceof byte[] b ? Arrays.toString(b) : String.valueOf(input);
    StringBuilder s = new StringBuilder();
    int length = text.length();
    for (int i = 0; i < length; i++) {
      if (length > SHOWN && i == SHOWN * 2 / 3) {
        int resume = length - SHOWN / 3;
        s.append("…(").append(resume - i).append(" chars cut)…");
        i = resume;
      }
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.append(" (").append(length).append(" chars)").toString();
  }

  // Generators with the edge cases favoured: bounds, zero and empty come up far more often than
  // uniformly.

  /** An int in {@code [min, max]}; one time in eight a bound, a neighbour of one, or 0. */
  static int between(Random r, int min, int max) {
    return (int) between(r, (long) min, (long) max);
  }

  /** A long in {@code [min, max]}; one time in eight a bound, a neighbour of one, or 0. */
  static long between(Random r, long min, long max) {
    if (r.nextInt(8) == 0) {
      long[] edges = {min, max, min + 1, max - 1, 0};
      long edge = edges[r.nextInt(edges.length)];
      if (edge >= min && edge <= max) {
        return edge;
      }
    }
    if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
      return r.nextLong();
    }
    return max == Long.MAX_VALUE ? r.nextLong(min - 1, max) + 1 : r.nextLong(min, max + 1);
  }

  @SafeVarargs
  static <T> T oneOf(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  /** Up to {@code maxLength} characters of {@code alphabet}; empty and full length favoured. */
  static String string(Random r, int maxLength, String alphabet) {
    int length = length(r, maxLength);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** The characters {@code from} to {@code to} and the characters of {@code more}. */
  static String alphabet(char from, char to, String more) {
    StringBuilder s = new StringBuilder();
    for (char c = from; c <= to; c++) {
      s.append(c);
    }
    return s.append(more).toString();
  }

  /**
   * Any UTF-16 text of up to {@code maxLength} chars: ASCII, controls, Latin-1, any BMP char (lone
   * surrogates included), pairs for supplementary code points, and a few troublemakers.
   */
  static String anyString(Random r, int maxLength) {
    int length = length(r, maxLength);
    StringBuilder s = new StringBuilder(length + 1);
    while (s.length() < length) {
      switch (r.nextInt(6)) {
        case 0 -> s.append((char) r.nextInt(' ', '\u007f'));
        case 1 -> s.append((char) r.nextInt(0x20));
        case 2 -> s.append((char) r.nextInt(0x80, 0x100));
        case 3 -> s.append((char) r.nextInt(0x10000));
        case 4 -> s.appendCodePoint(r.nextInt(0x10000, Character.MAX_CODE_POINT + 1));
        default ->
            s.append(oneOf(r, "\u0000", " ", "\uffff", "\ufeff", "\u2028", "\u202e", "\ud800"));
      }
    }
    return s.toString();
  }

  /** Up to {@code maxLength} bytes; empty and the bytes 0, -1, 127 and -128 favoured. */
  static byte[] bytes(Random r, int maxLength) {
    byte[] bytes = new byte[length(r, maxLength)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] =
          r.nextInt(8) == 0
              ? oneOf(r, (byte) 0, (byte) -1, (byte) 127, (byte) -128)
              : (byte) r.nextInt();
    }
    return bytes;
  }

  /** A length in {@code [0, max]}: 0 and {@code max} one time in ten each, else mostly short. */
  private static int length(Random r, int max) {
    return switch (r.nextInt(10)) {
      case 0 -> 0;
      case 1 -> max;
      case 2, 3, 4, 5 -> r.nextInt(Math.min(max, 10) + 1);
      default -> r.nextInt(max + 1);
    };
  }
}
