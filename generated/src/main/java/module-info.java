/**
 * The client generated from {@code openapi/effective.yaml}: the Retrofit interface ({@code api}),
 * the immutable models with their tolerant readers ({@code model}) and the reader they share
 * ({@code invoker}). Hand-written, unlike the packages it describes; the cf-audit-logs library
 * ({@code dev.cfauditlogs}) requires it transitively because {@code AuditLog.model()} returns a
 * generated model, so a consumer never names this module.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.cfauditlogs.generated {
  // Retrofit and Moshi have automatic module names only; OkHttp 4.12 too (OkHttp 5 has a
  // descriptor).
  requires transitive retrofit2;
  requires transitive okhttp3;
  requires transitive com.squareup.moshi;
  requires transitive okio;
  // Only @jakarta.annotation.Generated, which has source retention: needed to compile, never to
  // run.
  requires static jakarta.annotation;

  exports dev.cfauditlogs.generated.model;
  // Internal (not an API), exported for the library and for Retrofit, which proxies the interface.
  exports dev.cfauditlogs.generated.api;
  exports dev.cfauditlogs.generated.invoker;
}
