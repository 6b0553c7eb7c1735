package dev.cfauditlogs.testkit;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The bodies the emulator sends: Cloudflare's JSON envelopes, the CSV export and a proxy's HTML
 * error page.
 *
 * <p>The CSV export ({@code export=true}) stands in for Cloudflare's own export format, which its
 * OpenAPI document does not describe (it names the parameter "an export of logs in CSV format" and
 * defines the 200 response as JSON) and which we have not observed: its columns, quoting and
 * content type here are <b>our guess, not ours to match</b>. It is a different fact from the CLI's
 * {@code --format csv} (the CLI's {@code FlatRecord}, with an {@code extra} column and formula-safe
 * cells), so the two are kept apart and may differ; see the testkit README.
 */
final class Bodies {
  /**
   * The CSV export's columns, in order (our guess at Cloudflare's); {@code metadata} is the
   * record's metadata object as JSON text.
   */
  static final List<String> CSV_COLUMNS =
      List.of(
          "id",
          "when",
          "action.type",
          "action.result",
          "actor.id",
          "actor.email",
          "actor.ip",
          "actor.type",
          "interface",
          "resource.id",
          "resource.type",
          "owner.id",
          "oldValue",
          "newValue",
          "metadata");

  static final String BAD_GATEWAY_HTML =
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
          + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n"
          + "</body>\r\n</html>\r\n";

  private Bodies() {}

  /** A successful page: the records' JSON as stored, and {@code result_info} unless it is null. */
  static String page(List<EmulatedLog> records, @Nullable PageSlice resultInfo) {
    StringBuilder s = new StringBuilder(256 + records.size() * 700);
    s.append("{\"errors\":[],\"messages\":[],\"result\":[");
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      s.append(records.get(i).json());
    }
    s.append(']');
    if (resultInfo != null) {
      s.append(",\"result_info\":{\"page\":")
          .append(resultInfo.page)
          .append(",\"per_page\":")
          .append(resultInfo.perPage)
          .append(",\"count\":")
          .append(resultInfo.items.size())
          .append(",\"total_count\":")
          .append(resultInfo.totalCount)
          .append(",\"total_pages\":")
          .append(resultInfo.totalPages)
          .append('}');
    }
    return s.append(",\"success\":true}").toString();
  }

  /** Cloudflare's failure envelope with one error. */
  static String error(int code, String message) {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setSerializeNulls(true); // "result": null is required in the failure envelope
      w.beginObject();
      w.name("success").value(false);
      w.name("errors").beginArray().beginObject();
      w.name("code").value(code);
      w.name("message").value(message);
      w.endObject().endArray();
      w.name("messages").beginArray().endArray();
      w.name("result").nullValue();
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /**
   * The CSV export: a header row of {@link #CSV_COLUMNS}, then one row per record, CRLF line ends,
   * and RFC 4180 quoting (a field holding a comma, quote, CR or LF is quoted, quotes doubled).
   * Values are not altered otherwise: neutralizing spreadsheet formulas is the consumer's job.
   */
  static String csv(List<EmulatedLog> records) {
    StringBuilder s = new StringBuilder(128 + records.size() * 400);
    row(s, CSV_COLUMNS);
    for (EmulatedLog log : records) {
      String[] fields = new String[CSV_COLUMNS.size()];
      for (int c = 0; c < fields.length; c++) {
        fields[c] = cell(log.raw(CSV_COLUMNS.get(c)));
      }
      row(s, List.of(fields));
    }
    return s.toString();
  }

  /**
   * A raw JSON value as CSV text: strings decoded, anything else (numbers, booleans, objects) as
   * JSON.
   */
  private static String cell(@Nullable String raw) {
    if (raw == null || raw.equals("null")) {
      return "";
    }
    String text = RecordJson.text(raw);
    return text != null ? text : raw;
  }

  private static void row(StringBuilder s, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        s.append(',');
      }
      String f = fields.get(i);
      if (f.indexOf(',') >= 0
          || f.indexOf('"') >= 0
          || f.indexOf('\r') >= 0
          || f.indexOf('\n') >= 0) {
        s.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        s.append(f);
      }
    }
    s.append("\r\n");
  }
}
