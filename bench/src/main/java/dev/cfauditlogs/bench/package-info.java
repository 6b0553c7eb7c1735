/**
 * Benchmarks of the library: a JMH page-decoding benchmark and harnesses for export wall time,
 * streaming memory and rate-limit pacing against a local server. Run them through {@link
 * dev.cfauditlogs.bench.BenchMain}; see the module README.
 */
@NullMarked
package dev.cfauditlogs.bench;

import org.jspecify.annotations.NullMarked;
