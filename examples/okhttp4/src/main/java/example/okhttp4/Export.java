package example.okhttp4;

import dev.cfauditlogs.AuditLog;
import dev.cfauditlogs.AuditLogQuery;
import dev.cfauditlogs.AuditLogsClient;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.OkHttpClient;

/**
 * Exports every record the server at CLOUDFLARE_BASE_URL holds to the JSON-lines file named by the
 * first argument, with the application's own OkHttp 4.12 client, and says which OkHttp jar ran.
 */
public final class Export {
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    OkHttpClient http = new OkHttpClient.Builder().build(); // the application's OkHttp 4.12
    long written = 0;
    try (AuditLogsClient client = AuditLogsClient.builder().fromEnv().okHttpClient(http).build();
        BufferedWriter writer = Files.newBufferedWriter(out)) {
      for (AuditLog log : client.paginate(AuditLogQuery.builder().build())) {
        writer.write(log.compactJson());
        writer.newLine();
        written++;
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    String jar = OkHttpClient.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    System.out.println(
        "exported " + written + " records with " + jar.substring(jar.lastIndexOf('/') + 1));
  }
}
