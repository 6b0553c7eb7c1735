/**
 * cf-audit-logs: a client for Cloudflare's user audit logs ({@code GET /user/audit_logs}).
 *
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.cfauditlogs;

import org.jspecify.annotations.NullMarked;
