package dev.cfauditlogs.testkit.junit5;

import dev.cfauditlogs.AuditLogsClient;
import dev.cfauditlogs.Sleeper;
import dev.cfauditlogs.testkit.AuditLogEmulator;
import dev.cfauditlogs.testkit.Dataset;
import dev.cfauditlogs.testkit.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension that injects a started {@link AuditLogEmulator}, an {@link AuditLogsClient}
 * pointed at it and the {@link RecordingSleeper} that client waits with into test methods,
 * constructors and lifecycle methods, and closes emulator and client afterwards.
 *
 * <p>Each test gets its own emulator, configured by {@link EmulatorSettings} on the method or the
 * class. Both objects asked for by one test (its constructor included) are the same pair.
 * Parameters of a {@code @BeforeAll} method (or a {@code PER_CLASS} test instance) get one pair for
 * the whole class instead, which the tests then share.
 *
 * <pre>{@code
 * @ExtendWith(AuditLogEmulatorExtension.class)
 * class MyTest {
 *   @Test
 *   @EmulatorSettings(records = 30)
 *   void readsEverything(AuditLogsClient client, AuditLogEmulator emulator) {
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Register it with {@link #configure(Consumer)} and {@code @RegisterExtension} for what the
 * annotation cannot say, such as {@linkplain Dataset#of(List) your own records}; that configuration
 * is applied after the annotation's.
 */
public final class AuditLogEmulatorExtension
    implements ParameterResolver, AfterEachCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AuditLogEmulatorExtension.class);
  private static final String KEY = "emulator";

  private final Consumer<AuditLogEmulator.Builder> customizer;

  /** The extension with {@link EmulatorSettings} alone, for {@code @ExtendWith}. */
  public AuditLogEmulatorExtension() {
    this(builder -> {});
  }

  private AuditLogEmulatorExtension(Consumer<AuditLogEmulator.Builder> customizer) {
    this.customizer = customizer;
  }

  /**
   * An extension that also applies {@code customizer} to every emulator's builder, after {@link
   * EmulatorSettings}, for {@code @RegisterExtension}.
   */
  public static AuditLogEmulatorExtension configure(Consumer<AuditLogEmulator.Builder> customizer) {
    return new AuditLogEmulatorExtension(Objects.requireNonNull(customizer, "customizer"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == AuditLogEmulator.class
        || type == AuditLogsClient.class
        || type == RecordingSleeper.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Pair pair =
        context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, key -> start(context), Pair.class);
    Class<?> type = parameter.getParameter().getType();
    if (type == AuditLogEmulator.class) {
      return pair.emulator;
    }
    return type == RecordingSleeper.class ? pair.sleeper : pair.client();
  }

  /**
   * Constructor parameters are resolved in the test method's context (JUnit 5.12 and later), so
   * that a constructor and its test share one emulator.
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeOwnedBy(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeOwnedBy(context);
  }

  private static void closeOwnedBy(ExtensionContext context) {
    Pair pair = context.getStore(NAMESPACE).remove(KEY, Pair.class);
    if (pair != null) {
      pair.close();
    }
  }

  private Pair start(ExtensionContext context) {
    EmulatorSettings settings = settings(context);
    AuditLogEmulator.Builder builder = AuditLogEmulator.builder();
    if (settings != null) {
      builder
          .dataset(
              Dataset.synthetic(
                  settings.seed(),
                  settings.records(),
                  Instant.parse(settings.from()),
                  Instant.parse(settings.to())))
          .resultInfo(settings.resultInfo())
          .pagination(settings.pagination())
          .rateLimit(
              settings.rateLimitRequests(), Duration.ofSeconds(settings.rateLimitWindowSeconds()))
          .latency(Duration.ofMillis(settings.latencyMillis()))
          .liveAppends(settings.liveAppendsPerSecond())
          .retention(settings.retentionPerSecond())
          .clockOffset(Duration.ofSeconds(settings.clockOffsetSeconds()))
          .accounts(settings.accounts())
          .deniedAccounts(settings.deniedAccounts());
      if (settings.failFirst() != 0) {
        builder.failFirst(settings.failFirst(), settings.failFirstKind());
      }
      if (settings.slowFaultDelayMillis() != -1) {
        builder.slowFaultDelay(Duration.ofMillis(settings.slowFaultDelayMillis()));
      }
      if (settings.faultRetryAfterMillis() != -1) {
        builder.faultRetryAfter(Duration.ofMillis(settings.faultRetryAfterMillis()));
      }
      if (settings.faults().length > 0) {
        builder.faults(
            settings.faultRate(), EnumSet.copyOf(List.of(settings.faults())), settings.faultSeed());
      } else if (settings.faultRate() > 0) {
        throw new IllegalArgumentException(
            "@EmulatorSettings: faultRate is set but faults is empty");
      }
    }
    customizer.accept(builder);
    ClientOptions options = ClientOptions.of(settings);
    return new Pair(builder.start(), options);
  }

  private static @Nullable EmulatorSettings settings(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      Optional<EmulatorSettings> found =
          AnnotationSupport.findAnnotation(c.get().getElement(), EmulatorSettings.class);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }

  /** What {@link EmulatorSettings} says about the injected client. */
  private static final class ClientOptions {
    final boolean apiKeyAuth;
    final int maxRetries;
    final long maxRetryWaitMillis;
    final boolean skipSleeps;

    private ClientOptions(
        boolean apiKeyAuth, int maxRetries, long maxRetryWaitMillis, boolean skipSleeps) {
      this.apiKeyAuth = apiKeyAuth;
      this.maxRetries = maxRetries;
      this.maxRetryWaitMillis = maxRetryWaitMillis;
      this.skipSleeps = skipSleeps;
    }

    static ClientOptions of(@Nullable EmulatorSettings s) {
      return s == null
          ? new ClientOptions(false, -1, -1, false)
          : new ClientOptions(
              s.apiKeyAuth(), s.maxRetries(), s.maxRetryWaitMillis(), s.skipSleeps());
    }
  }

  /**
   * An emulator, the sleeper its client waits with, and, once asked for, a client pointed at it.
   */
  private static final class Pair {
    final AuditLogEmulator emulator;
    final RecordingSleeper sleeper;
    private final ClientOptions options;
    private @Nullable AuditLogsClient client;

    Pair(AuditLogEmulator emulator, ClientOptions options) {
      this.emulator = emulator;
      this.options = options;
      this.sleeper =
          options.skipSleeps
              ? RecordingSleeper.instant()
              : RecordingSleeper.wrapping(Sleeper.SYSTEM);
    }

    synchronized AuditLogsClient client() {
      if (client == null) {
        AuditLogsClient.Builder b =
            AuditLogsClient.builder().baseUrl(emulator.baseUrl()).sleeper(sleeper);
        b =
            options.apiKeyAuth
                ? b.emailAndApiKey(emulator.email(), emulator.apiKey())
                : b.apiToken(emulator.apiToken());
        if (options.maxRetries != -1) {
          b.maxRetries(options.maxRetries);
        }
        if (options.maxRetryWaitMillis != -1) {
          b.maxRetryWait(Duration.ofMillis(options.maxRetryWaitMillis));
        }
        client = b.build();
      }
      return client;
    }

    synchronized void close() {
      try {
        if (client != null) {
          client.close();
        }
      } finally {
        emulator.close();
      }
    }
  }
}
