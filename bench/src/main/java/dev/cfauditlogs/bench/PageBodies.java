package dev.cfauditlogs.bench;

import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.EmulatedLog;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Response bodies built from the testkit's synthetic records, as Cloudflare would send them. */
final class PageBodies {
  private PageBodies() {}

  /** A 200 body with {@code records} synthetic records (seed 42) and {@code result_info}. */
  static byte[] syntheticPage(int records) {
    List<EmulatedLog> logs = Dataset.synthetic(42, records).logs();
    StringBuilder s = new StringBuilder(256 + records * 700);
    s.append("{\"errors\":[],\"messages\":[],\"result\":[");
    for (int i = 0; i < logs.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(logs.get(i).json());
    }
    s.append("],\"result_info\":{\"page\":1,\"per_page\":")
        .append(records)
        .append(",\"count\":")
        .append(records)
        .append(",\"total_count\":")
        .append(records)
        .append(",\"total_pages\":1},\"success\":true}");
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
