/**
 * cf-audit-logs-testkit: {@link dev.cfauditlogs.testkit.AuditLogEmulator}, an embeddable emulator
 * of Cloudflare's {@code GET /user/audit_logs} on a loopback port, with deterministic synthetic
 * {@link dev.cfauditlogs.testkit.Dataset data} and chaos knobs. It has no JUnit dependency (the CLI
 * ships it); the JUnit 5 extension is in {@code cf-audit-logs-testkit-junit5}, package {@code
 * dev.cfauditlogs.testkit.junit5}.
 *
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.cfauditlogs.testkit;

import org.jspecify.annotations.NullMarked;
