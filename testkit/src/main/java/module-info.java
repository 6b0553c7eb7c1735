/**
 * The embeddable emulator of {@code GET /user/audit_logs}: {@code requires
 * dev.cfauditlogs.testkit;} in a modular test brings the library too.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.cfauditlogs.testkit {
  // The emulator's API takes and returns the library's types (AuditLogQuery, its records' JSON).
  requires transitive dev.cfauditlogs;
  // MockWebServer 3 and OkHttp 5: the testkit needs OkHttp 5, whatever the library runs on.
  requires mockwebserver3;
  requires okhttp3;
  requires okio;
  requires com.squareup.moshi;
  requires static transitive org.jspecify;

  exports dev.cfauditlogs.testkit;
}
