/**
 * cf-audit-logs: a client for Cloudflare's user audit logs. {@code requires dev.cfauditlogs;} is
 * all a modular consumer writes: the generated models ({@code AuditLog.model()}) and OkHttp ({@code
 * AuditLogsClient.Builder.okHttpClient}) come with it, since the API shows them.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.cfauditlogs {
  requires transitive dev.cfauditlogs.generated;
  // Both in the API; named okhttp3 by OkHttp 4.12 (automatic) and OkHttp 5 (a descriptor) alike.
  requires transitive okhttp3;
  requires okio;
  requires retrofit2;
  requires com.squareup.moshi;
  // jspecify's nullness annotations are on the API: for compilers and checkers, not needed to run.
  requires static transitive org.jspecify;

  exports dev.cfauditlogs;
}
