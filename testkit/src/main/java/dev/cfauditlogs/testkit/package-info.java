/**
 * cf-audit-logs-testkit: {@link dev.cfauditlogs.testkit.AuditLogEmulator}, an embeddable emulator
 * of Cloudflare's {@code GET /user/audit_logs} on a loopback port, with deterministic synthetic
 * {@link dev.cfauditlogs.testkit.Dataset data}, chaos knobs, and a JUnit 5 {@link
 * dev.cfauditlogs.testkit.AuditLogEmulatorExtension extension}.
 *
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.cfauditlogs.testkit;

import org.jspecify.annotations.NullMarked;
