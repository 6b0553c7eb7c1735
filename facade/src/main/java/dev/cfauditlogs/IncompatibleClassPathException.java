package dev.cfauditlogs;

/**
 * The class path holds a library this one cannot run on: two OkHttp jars, an OkHttp older than
 * 4.12, no Kotlin standard library or one older than the OkHttp in use needs, or a Moshi older than
 * 1.15. Thrown by {@link AuditLogsClient.Builder#build()} before any request, instead of a {@code
 * NoSuchMethodError} at the first request. The message names the versions found and needed and the
 * fix in the build (import {@code dev.cfauditlogs:cf-audit-logs-bom}, or the exclusion that keeps
 * one OkHttp). Fix the build; retrying cannot help.
 */
public final class IncompatibleClassPathException extends AuditLogsException {
  private static final long serialVersionUID = 1L;

  private final String library;
  private final String found;
  private final String needed;

  IncompatibleClassPathException(String library, String found, String needed, String message) {
    super(message, null);
    this.library = library;
    this.found = found;
    this.needed = needed;
  }

  /** The library at fault: {@code OkHttp}, {@code Kotlin stdlib} or {@code Moshi}. */
  public String library() {
    return library;
  }

  /** What was found on the class path: a version, or the jars when there are several. */
  public String found() {
    return found;
  }

  /** The versions this library runs on, such as {@code 4.12 or 5.x}. */
  public String needed() {
    return needed;
  }
}
