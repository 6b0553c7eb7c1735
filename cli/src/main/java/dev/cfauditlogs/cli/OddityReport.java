package dev.cfauditlogs.cli;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogPage;
import dev.cfauditlogs.SkippedElement;
import dev.cfauditlogs.SpecMismatch;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts what a command delivered that did not match the API document: records with fields of
 * another JSON type or enum values it does not list (delivered all the same), and elements of
 * {@code result} that were not records (skipped). Says so once, on stderr, at the end; never an
 * error.
 */
final class OddityReport {
  private static final int SAMPLES = 3;

  private long records;
  private long oddRecords;
  private final Map<String, PathCount> byPath = new TreeMap<>();
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

  /** Notes a record that was delivered. */
  void record(AuditLog log) {
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

  /** Prints the summary (nothing when everything conformed) and starts counting anew. */
  void print(PrintWriter err) {
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
