package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.SkippedElement;
import dev.cfauditlogs.SpecMismatch;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Counts what a command delivered that did not match the API document: records with fields of
 * another JSON type or enum values it does not list (delivered all the same), and elements of
 * {@code result} that were not records (skipped). Says so once, on stderr, at the end; never an
 * error.
 *
 * <p>Checking a record against the document ({@link AuditLog#mismatches()}) costs about as much as
 * writing it, and the thread that writes is an export's critical path (issue 13: the time
 * accounting in bench/README.md). So records are checked on one thread of their own, in batches, in
 * the order delivered, while the caller goes on writing; {@link #print} waits for every check
 * first, so the summary is the same as if each record had been checked at once. At most {@value
 * #MAX_PENDING_BATCHES} batches wait, so a slow check holds up the caller instead of records piling
 * up in memory.
 */
final class OddityReport {
  private static final int SAMPLES = 3;

  /** Records per batch handed to the checking thread. */
  private static final int BATCH = 250;

  /** Batches handed over and not yet checked, at most. */
  private static final int MAX_PENDING_BATCHES = 16;

  /**
   * The checking thread: one, so that batches are checked in order (the first mismatch of each path
   * is the first delivered); it ends when idle, so that nothing outlives a command.
   */
  private final ThreadPoolExecutor checker =
      new ThreadPoolExecutor(
          1,
          1,
          1,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(),
          r -> {
            Thread t = new Thread(r, "cf-audit-logs-check");
            t.setDaemon(true);
            return t;
          });

  private final Deque<Future<?>> pending = new ArrayDeque<>();
  private List<AuditLog> batch = new ArrayList<>(BATCH);

  // Written by the checking thread only; read after waiting for it (Future.get).

  private long records;
  private long oddRecords;
  private final Map<String, PathCount> byPath = new TreeMap<>();
  // The caller's thread's.
  private long skipped;
  private final List<SkippedElement> skippedSamples = new ArrayList<>();

  /** One field path: in how many records, and the first mismatch seen there. */
  private static final class PathCount {
    final SpecMismatch first;
    long records;

    PathCount(SpecMismatch first) {
      this.first = first;
    }
  }

  OddityReport() {
    checker.allowCoreThreadTimeOut(true);
  }

  /** Notes a record that was delivered; it is checked on the checking thread. */
  void record(AuditLog log) {
    batch.add(log);
    if (batch.size() == BATCH) {
      handOver();
    }
  }

  private void handOver() {
    if (batch.isEmpty()) {
      return;
    }
    List<AuditLog> logs = batch;
    batch = new ArrayList<>(BATCH);
    if (pending.size() == MAX_PENDING_BATCHES) {
      await(pending.removeFirst());
    }
    pending.addLast(
        checker.submit(
            () -> {
              for (AuditLog l : logs) {
                check(l);
              }
            }));
  }

  /** Hands over what is left and waits until every record delivered so far is checked. */
  private void awaitAll() {
    handOver();
    while (!pending.isEmpty()) {
      await(pending.removeFirst());
    }
  }

  private static void await(Future<?> done) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          done.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true; // the check is short; finish it, then keep the interrupt
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void check(AuditLog log) {
    records++;
    List<SpecMismatch> mismatches = log.mismatches();
    if (mismatches.isEmpty()) {
      return;
    }
    oddRecords++;
    Set<String> paths = new HashSet<>();
    for (SpecMismatch m : mismatches) {
      if (paths.add(m.path())) {
        byPath.computeIfAbsent(m.path(), p -> new PathCount(m)).records++;
      }
    }
  }

  /** Notes the elements a page skipped. */
  void skipped(AuditLogPage page) {
    skipped(page.skippedCount(), page.skipped());
  }

  /** Notes the elements an iteration skipped: how many, and the first of them. */
  void skipped(long count, List<SkippedElement> first) {
    skipped += count;
    for (SkippedElement e : first) {
      if (skippedSamples.size() < SAMPLES) {
        skippedSamples.add(e);
      }
    }
  }

  /**
   * Prints the summary (nothing when everything conformed) once every record delivered so far is
   * checked, and starts counting anew.
   */
  void print(PrintWriter err) {
    awaitAll();
    if (oddRecords > 0) {
      StringBuilder s = new StringBuilder("cf-audit-logs: ");
      s.append(oddRecords)
          .append(" of ")
          .append(records)
          .append(records == 1 ? " record has" : " records have")
          .append(" fields that do not match the API document (delivered exactly as sent): ");
      String separator = "";
      for (Map.Entry<String, PathCount> e : byPath.entrySet()) {
        SpecMismatch m = e.getValue().first;
        s.append(separator)
            .append(e.getKey().isEmpty() ? "(record)" : e.getKey())
            .append(" in ")
            .append(e.getValue().records)
            .append(" (expected ")
            .append(m.expected())
            .append(", found ")
            .append(m.found())
            .append(e.getValue().records > 1 ? ", …)" : ")");
        separator = "; ";
      }
      err.println(TableWriter.printable(s.toString()));
    }
    if (skipped > 0) {
      StringBuilder s = new StringBuilder("cf-audit-logs: ");
      s.append(skipped)
          .append(skipped == 1 ? " element" : " elements")
          .append(" of the API's result list")
          .append(skipped == 1 ? " was" : " were")
          .append(" not a record and skipped");
      String separator = ": ";
      for (SkippedElement e : skippedSamples) {
        s.append(separator).append(e);
        separator = "; ";
      }
      if (skipped > skippedSamples.size() && !skippedSamples.isEmpty()) {
        s.append("; …");
      }
      err.println(TableWriter.printable(s.toString()));
    }
    err.flush();
    records = 0;
    oddRecords = 0;
    byPath.clear();
    skipped = 0;
    skippedSamples.clear();
  }
}
