package dev.cfauditlogs.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** What changed between the checked-in slice and a new one, each change classified. */
final class DriftReport {
  /** How a change affects this client. */
  enum Severity {
    /** Something the client sends or relies on may be rejected or mis-decoded. */
    BREAKING("BREAKING"),
    /** A change the client keeps working through (a new optional parameter, a new field). */
    NON_BREAKING("non-breaking"),
    /** Text only: descriptions, examples, titles, extensions. */
    COSMETIC("cosmetic");

    final String label;

    Severity(String label) {
      this.label = label;
    }
  }

  /** One change: where it is, what it is, and how it is classified. */
  record Finding(Severity severity, String where, String what) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-13s %s: %s", severity.label, where, what);
    }
  }

  private final List<Finding> findings;

  DriftReport(List<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing(Finding::severity)); // stable: discovery order within a class
    this.findings = List.copyOf(sorted);
  }

  List<Finding> findings() {
    return findings;
  }

  boolean isEmpty() {
    return findings.isEmpty();
  }

  boolean hasBreaking() {
    return count(Severity.BREAKING) > 0;
  }

  long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** The report as printed by {@code update-spec}: a heading, one line per change, a summary. */
  String render(String oldName, String newName) {
    StringBuilder out = new StringBuilder();
    out.append("Drift report for GET ")
        .append(String.join(" and GET ", Slicer.PATHS))
        .append(": ")
        .append(oldName)
        .append(" -> ")
        .append(newName)
        .append('\n');
    if (findings.isEmpty()) {
      return out.append("  no differences\n").toString();
    }
    for (Finding finding : findings) {
      out.append("  ").append(finding).append('\n');
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%d breaking, %d non-breaking, %d cosmetic\n",
            count(Severity.BREAKING),
            count(Severity.NON_BREAKING),
            count(Severity.COSMETIC)));
    return out.toString();
  }
}
