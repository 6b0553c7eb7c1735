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
 * Checks requests and responses against {@code openapi/user-audit-logs.yaml} with a real OpenAPI
 * validator.
 *
 * <p>The validator gets an in-memory copy of the slice with two of its known limitations worked
 * around (the slice itself stays faithful to upstream): it parses {@code oneOf} query values as
 * JSON, so {@code since}/{@code before} become a string whose pattern accepts exactly the two RFC
 * 3339 forms; and the 200 body's {@code oneOf} has two overlapping variants, so the first (typed)
 * one is used alone.
 */
final class SliceContract {
  static final Path SLICE = Path.of("..", "openapi", "user-audit-logs.yaml");
  private static final String UNION_PATTERN =
      "^\\d{4}-\\d{2}-\\d{2}([Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2}))?$";

  private static final OpenApiInteractionValidator VALIDATOR =
      new OpenApiInteractionValidator.Builder()
          .withApi(patchedSlice())
          .withBasePathOverride("/client/v4")
          .withLevelResolver(
              LevelResolver.create()
                  .withLevel(
                      "validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                  .build())
          .build();

  private SliceContract() {}

  static OpenAPI patchedSlice() {
    String yaml;
    try {
      yaml = Files.readString(SLICE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, new ParseOptions());
    OpenAPI api = parsed.getOpenAPI();
    if (api == null) {
      throw new IllegalStateException("the slice does not parse: " + parsed.getMessages());
    }
    for (Parameter p : api.getPaths().get("/user/audit_logs").getGet().getParameters()) {
      if (p.getName().equals("since") || p.getName().equals("before")) {
        p.setSchema(new StringSchema().pattern(UNION_PATTERN));
      }
    }
    // The 200 body is a oneOf whose two variants both match a normal response (the validator then
    // rejects every
    // body), and an anyOf would let the second variant accept any result. The first variant alone
    // (no required
    // fields, result items typed) accepts every body the spec means and still checks each record.
    Schema<?> collection =
        api.getComponents().getSchemas().get("aaa_audit_logs_response_collection");
    if (collection instanceof ComposedSchema composed && composed.getOneOf() != null) {
      api.getComponents()
          .getSchemas()
          .put("aaa_audit_logs_response_collection", composed.getOneOf().get(0));
    }
    // The validator treats objects as closed unless told otherwise; JSON Schema (and the slice)
    // leave them open,
    // and the service does send fields the spec does not list.
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
    return errors(
        VALIDATOR.validateResponse(
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
