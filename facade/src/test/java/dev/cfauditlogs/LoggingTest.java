package dev.cfauditlogs;

import static dev.cfauditlogs.ClientAuthTest.assertSecretFree;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Debug logging goes through {@link System.Logger} (which, with no other provider, is
 * java.util.logging): method, URL, status, attempt and latency, and never a credential.
 */
class LoggingTest {
  @RegisterExtension final ContractServer server = new ContractServer();

  private final Logger logger = Logger.getLogger("dev.cfauditlogs");
  private final List<String> lines = new ArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level previous;

  @BeforeEach
  void capture() {
    previous = logger.getLevel();
    logger.setLevel(Level.ALL);
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  @AfterEach
  void release() {
    logger.removeHandler(handler);
    logger.setLevel(previous);
  }

  @Test
  void everyAttemptIsLoggedWithoutCredentials() {
    server.enqueueJson(503, Fixtures.read("error-500.json"));
    server.enqueueJson(200, Fixtures.read("seed-response.json"));
    server.enqueueJson(401, Fixtures.read("error-401.json"));
    try (AuditLogsClient client = server.client().sleeper(d -> {}).build()) {
      client.list(AuditLogQuery.builder().actionType("login").build());
      assertThrows(AuthenticationException.class, () -> client.list(AuditLogQuery.all()));
    }
    String log = String.join("\n", lines);
    assertTrue(log.contains("GET http://"), log);
    assertTrue(log.contains("/client/v4/user/audit_logs?action.type=login -> 503 (attempt 1"), log);
    assertTrue(log.contains("-> 200 (attempt 2"), log);
    assertTrue(log.contains("-> 401 (attempt 1"), log);
    assertTrue(log.matches("(?s).*\\d+ ms\\).*"), log);
    assertSecretFree(log);
  }
}
