/**
 * cf-audit-logs: a client for Cloudflare's audit logs — the user's ({@code GET /user/audit_logs})
 * and any account's ({@code GET /accounts/{account_id}/audit_logs}), chosen per query by {@link
 * AuditLogScope}.
 *
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}.
 *
 * <h2>A map of the package</h2>
 *
 * <p>One flat package, as Retrofit has; public types are the API, the rest is package-private. The
 * groups, public types first:
 *
 * <ul>
 *   <li><b>Entry point</b>: {@link AuditLogsClient} and its {@link AuditLogsClient.Builder}; {@code
 *       ClientSettings} (the immutable settings a client keeps), {@code CredentialSources} and
 *       {@code Credentials} (which scheme's headers are sent), {@code BaseUrl}; {@link ClockSkew}
 *       and {@code ClockSkewMonitor} (the server's clock against ours).
 *   <li><b>Query</b>: {@link AuditLogQuery}, {@link AuditLogScope} (whose log), {@link Direction};
 *       {@code TimeBound}, {@code Rfc3339}, {@code QueryValues} (the values a query accepts).
 *   <li><b>Records and pages</b>: {@link AuditLog}, {@link AuditLogPage}, {@link ResponseInfo},
 *       {@link RateLimitStatus}, {@link SpecMismatch}, {@link SkippedElement}; {@code PageDecoder},
 *       {@code PageElements}, {@code FieldText} (the tolerant reader) and {@code PageFacts}.
 *   <li><b>Pagination</b>: {@link AuditLogPager} with {@link AuditLogCursor} (records) and {@link
 *       AuditLogPages} with {@link AuditLogPageCursor} (pages); {@code KeysetPages} (the default, a
 *       window on {@code when}), {@code PageWalker} and {@code PageSource} (an explicit {@code
 *       page}: offset paging), {@code PendingPage} (a page fetched ahead), {@code BoundaryKeys},
 *       {@code RecentIds}, {@code Cancellation}.
 *   <li><b>Sync (follower, checkpoint)</b>: {@link AuditLogFollower} (one pass, or a long run with
 *       its failure policy), {@link SyncCheckpoint} (newest {@code when} and the ids within the
 *       lookback; a text form saved anywhere), {@link SyncCheckpoints} (a file of one per scope),
 *       {@link SyncDelivery}, {@link SyncEvent}, {@link InvalidCheckpointException}; {@code
 *       FailurePolicy}, {@code SyncFilters}, {@code SyncProgress}, {@code AtomicFile}.
 *   <li><b>Transport</b>: {@code HttpTransport} (OkHttp, the generated Retrofit interface, the
 *       executor), {@code RetryingCaller} and its {@code AttemptResult}, {@code Backoff}, {@code
 *       RetryAfter}, {@code RequestPacer} and {@code SlidingWindowPacer}, {@link Sleeper}, {@code
 *       BoundedSource}, {@code HttpDate}, {@code StructuredHeader}, {@code Redactor}.
 *   <li><b>Errors</b>: {@link AuditLogsException}, the root; {@link HttpResponseException} and its
 *       subclasses for a response that was a failure; {@link ConnectionException}, {@link
 *       AttemptTimeoutException}, {@link RequestInterruptedException} when no usable response came;
 *       {@link InvalidRequestException}, {@link PaginationException}; {@link ApiMessage}. {@code
 *       ErrorMapper} (status to class), {@code ErrorBody}, {@code ApiMessages}, {@code
 *       MalformedCredentials}, {@code RefusedParameter} read a failed response.
 * </ul>
 *
 * <h2>The path of one request</h2>
 *
 * <ol>
 *   <li>{@link AuditLogsClient#list(AuditLogQuery)} hands the query to {@code HttpTransport}, which
 *       has the generated {@code AuditLogsApi} build the URL and adds the credentials' headers.
 *   <li>{@code RetryingCaller} waits for the {@code RequestPacer}, sends the call through OkHttp,
 *       and reads the response's rate-limit headers (back into the pacer) and {@code Date} (into
 *       the {@code ClockSkewMonitor}).
 *   <li>A 2xx body is read through a {@code BoundedSource} by {@code PageDecoder} into records;
 *       anything else becomes an {@code AttemptResult}: retried after {@code RetryAfter} or {@code
 *       Backoff} when worth it, else turned by {@code ErrorMapper} into an {@link
 *       HttpResponseException} subclass (or a {@link ConnectionException}, {@link
 *       AttemptTimeoutException}, {@link RequestInterruptedException}).
 *   <li>{@code PageFacts} joins the decoded body with the query into an {@link AuditLogPage}.
 * </ol>
 *
 * <p>Pagination repeats that path: {@link AuditLogPager} starts a {@code KeysetPages} (or a {@code
 * PageWalker}) per iteration, which asks the client for each next query's page, ahead of the
 * consumer on the client's threads ({@code PendingPage}), and de-duplicates at the boundaries.
 */
@NullMarked
package dev.cfauditlogs;

import org.jspecify.annotations.NullMarked;
