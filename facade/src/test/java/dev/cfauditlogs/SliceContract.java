package dev.cfauditlogs;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Checks requests and responses against {@code openapi/effective.yaml} (the upstream slice with
 * {@code openapi/overlay.yaml} applied) with a real OpenAPI validator.
 *
 * <p>The validator gets an in-memory copy of the spec with two limitations of the validator worked
 * around (the files stay as the pipeline writes them): it parses {@code oneOf} query values as
 * JSON, so {@code since}/{@code before} become a string whose pattern accepts exactly the two RFC
 * 3339 forms; and it treats objects as closed, so they are opened as JSON Schema means them.
 */
final class SliceContract {
  static final Path SLICE = Path.of("..", "openapi", "effective.yaml");

  /** The bare upstream slice, without the overlay: only to show why the overlay exists. */
  static final Path UPSTREAM_SLICE = Path.of("..", "openapi", "upstream-slice.yaml");

  private static final String UNION_PATTERN =
      "^\\d{4}-\\d{2}-\\d{2}([Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2}))?$";

  private static final OpenApiInteractionValidator VALIDATOR = validator(SLICE);

  static OpenApiInteractionValidator validator(Path spec) {
    return new OpenApiInteractionValidator.Builder()
        .withApi(patchedSlice(spec))
        .withBasePathOverride("/client/v4")
        .withLevelResolver(
            LevelResolver.create()
                .withLevel(
                    "validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                .build())
        .build();
  }

  private SliceContract() {}

  static OpenAPI patchedSlice(Path spec) {
    String yaml;
    try {
      yaml = Files.readString(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, new ParseOptions());
    OpenAPI api = parsed.getOpenAPI();
    if (api == null) {
      throw new IllegalStateException("the slice does not parse: " + parsed.getMessages());
    }
    // Both operations: the user's log and an account's.
    for (var item : api.getPaths().values()) {
      for (Parameter p : item.getGet().getParameters()) {
        if (p.getName().equals("since") || p.getName().equals("before")) {
          p.setSchema(new StringSchema().pattern(UNION_PATTERN));
        }
      }
    }
    // The validator treats objects as closed unless told otherwise; JSON Schema (and the spec)
    // leave them open, and the service does send fields the spec does not list.
    api.getComponents().getSchemas().values().forEach(SliceContract::openObjects);
    return api;
  }

  @SuppressWarnings("rawtypes") // swagger-models returns raw List<Schema>
  private static void openObjects(Schema<?> schema) {
    if (schema == null) {
      return;
    }
    if (schema.getProperties() != null && schema.getAdditionalProperties() == null) {
      schema.setAdditionalProperties(true);
      schema.getProperties().values().forEach(SliceContract::openObjects);
    }
    openObjects(schema.getItems());
    if (schema instanceof ComposedSchema composed) {
      for (List<Schema> parts :
          List.of(
              nonNull(composed.getAllOf()),
              nonNull(composed.getAnyOf()),
              nonNull(composed.getOneOf()))) {
        parts.forEach(SliceContract::openObjects);
      }
    }
  }

  @SuppressWarnings("rawtypes")
  private static List<Schema> nonNull(List<Schema> list) {
    return list == null ? List.of() : list;
  }

  /** The validator's error messages for a request as OkHttp sent it; empty when it is valid. */
  static List<String> requestViolations(okhttp3.Request sent) {
    HttpUrl url = sent.url();
    SimpleRequest.Builder request = new SimpleRequest.Builder(sent.method(), url.encodedPath());
    for (String name : url.queryParameterNames()) {
      request.withQueryParam(name, url.queryParameterValues(name));
    }
    sent.headers().forEach(h -> request.withHeader(h.getFirst(), h.getSecond()));
    return errors(VALIDATOR.validateRequest(request.build()));
  }

  /**
   * The validator's error messages for a request MockWebServer recorded; empty when it is valid.
   */
  static List<String> requestViolations(RecordedRequest recorded) {
    HttpUrl url = recorded.getUrl();
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(recorded.getMethod(), url.encodedPath());
    for (String name : url.queryParameterNames()) {
      request.withQueryParam(name, url.queryParameterValues(name));
    }
    recorded.getHeaders().forEach(h -> request.withHeader(h.getFirst(), h.getSecond()));
    return errors(VALIDATOR.validateRequest(request.build()));
  }

  /** The validator's error messages for a response body with a status; empty when it is valid. */
  static List<String> responseViolations(int status, String jsonBody) {
    return responseViolations(VALIDATOR, status, jsonBody);
  }

  static List<String> responseViolations(
      OpenApiInteractionValidator validator, int status, String jsonBody) {
    return errors(
        validator.validateResponse(
            "/client/v4/user/audit_logs",
            Request.Method.GET,
            SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withBody(jsonBody)
                .build()));
  }

  private static List<String> errors(ValidationReport report) {
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getKey() + ": " + m.getMessage())
        .collect(Collectors.toList());
  }
}
