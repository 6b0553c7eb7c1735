/**
 * cf-audit-logs-testkit-junit5: {@link dev.cfauditlogs.testkit.junit5.AuditLogEmulatorExtension}, a
 * JUnit 5 extension that injects a started {@link dev.cfauditlogs.testkit.AuditLogEmulator} and an
 * {@link dev.cfauditlogs.AuditLogsClient} pointed at it, configured by {@link
 * dev.cfauditlogs.testkit.junit5.EmulatorSettings}. The emulator itself is in {@code
 * cf-audit-logs-testkit}, which has no JUnit dependency.
 *
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.cfauditlogs.testkit.junit5;

import org.jspecify.annotations.NullMarked;
