package dev.cfauditlogs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slicing the upstream-shaped fixture the checked-in slice comes from. */
class SlicerTest {
  @TempDir Path temp;

  @Test
  void sliceHoldsExactlyWhatTheOperationReaches() {
    Map<String, Object> slice = Slicer.slice(Fixtures.cloudflareMin());

    assertEquals(
        List.of("openapi", "info", "servers", "paths", "components"), List.copyOf(slice.keySet()));
    assertEquals(Set.of(Slicer.PATH, Slicer.ACCOUNT_PATH), Trees.map(slice, "paths").keySet());
    assertEquals(Set.of("get"), Trees.map(Trees.map(slice, "paths"), Slicer.PATH).keySet());
    assertEquals(Set.of("get"), Trees.map(Trees.map(slice, "paths"), Slicer.ACCOUNT_PATH).keySet());
    Map<String, Object> components = Trees.map(slice, "components");
    // The account operation reaches a path parameter and a 4XX response by reference.
    assertEquals(
        Set.of("parameters", "responses", "schemas", "securitySchemes"), components.keySet());
    assertEquals(Set.of("aaa_account_id"), Trees.map(components, "parameters").keySet());
    assertEquals(Set.of("aaa_4XX"), Trees.map(components, "responses").keySet());
    assertEquals(
        Set.of(
            "aaa_api-response-common",
            "aaa_api-response-common-failure",
            "aaa_audit-logs",
            "aaa_audit_logs_response_collection",
            "aaa_account_identifier",
            "aaa_identifier",
            "aaa_messages",
            "aaa_result_info"),
        Trees.map(components, "schemas").keySet());
    assertEquals(
        Set.of("api_email", "api_key", "api_token"),
        Trees.map(components, "securitySchemes").keySet());
  }

  @Test
  void slicingTwiceGivesByteIdenticalOutput() {
    String first = Fixtures.sliceText(Fixtures.cloudflareMin());
    String second = Fixtures.sliceText(Fixtures.cloudflareMin());
    assertEquals(first, second);
  }

  @Test
  void upstreamKeyOrderDoesNotMatterButArrayOrderIsKept() {
    Map<String, Object> upstream = Fixtures.cloudflareMin();
    Map<String, Object> reversed = Trees.asMap(reverseMaps(upstream));
    assertEquals(Fixtures.sliceText(upstream), Fixtures.sliceText(reversed));

    List<String> names = new ArrayList<>();
    for (Object p : Trees.list(Fixtures.operation(Slicer.slice(upstream)), "parameters")) {
      names.add((String) Trees.asMap(p).get("name"));
    }
    assertEquals(
        List.of(
            "id",
            "export",
            "action.type",
            "actor.ip",
            "actor.email",
            "since",
            "before",
            "zone.name",
            "direction",
            "per_page",
            "page",
            "hide_user_logs"),
        names);
  }

  @Test
  void jsonAndYamlInputsGiveTheSameSlice() throws IOException {
    Map<String, Object> upstream = Fixtures.cloudflareMin();
    Path json = temp.resolve("cloudflare-min.json");
    Fixtures.write(json, JsonWriter.toJson(upstream));
    assertTrue(Documents.looksLikeJson(Files.readAllBytes(json)));

    Map<String, Object> fromJson = Fixtures.load(json);
    assertEquals(upstream, fromJson);
    assertEquals(Fixtures.sliceText(upstream), Fixtures.sliceText(fromJson));
  }

  @Test
  void readsFromAUrl() throws IOException {
    byte[] yaml = Files.readAllBytes(Fixtures.CLOUDFLARE_MIN);
    byte[] json = JsonWriter.toJson(Fixtures.cloudflareMin()).getBytes(StandardCharsets.UTF_8);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          byte[] body =
              path.equals("/openapi.yaml") ? yaml : path.equals("/openapi.json") ? json : null;
          exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      String expected = Fixtures.sliceText(Fixtures.cloudflareMin());
      assertEquals(
          expected, YamlWriter.write(Slicer.slice(Documents.load(base + "/openapi.yaml"))));
      assertEquals(
          expected, YamlWriter.write(Slicer.slice(Documents.load(base + "/openapi.json"))));

      SpecException missing =
          assertThrows(SpecException.class, () -> Documents.load(base + "/nothing-here.json"));
      assertEquals("GET " + base + "/nothing-here.json answered HTTP 404", missing.getMessage());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aMissingPathIsAClearError() {
    Map<String, Object> upstream = Fixtures.cloudflareMin();
    Trees.map(upstream, "paths").remove(Slicer.PATH);

    SpecException e = assertThrows(SpecException.class, () -> Slicer.slice(upstream));
    assertTrue(
        e.getMessage().startsWith("the upstream document has no path /user/audit_logs"),
        e.getMessage());
  }

  @Test
  void theAccountOperationIsSlicedWithItsAccountIdPathParameter() {
    Map<String, Object> slice = Slicer.slice(Fixtures.cloudflareMin());
    Map<String, Object> account =
        Trees.map(Trees.map(Trees.map(slice, "paths"), Slicer.ACCOUNT_PATH), "get");
    assertEquals("audit-logs-get-account-audit-logs", account.get("operationId"));
    Map<String, Object> first = Trees.asMap(Trees.list(account, "parameters").get(0));
    assertEquals("#/components/parameters/aaa_account_id", first.get("$ref"));
    // Everything the account operation reaches is in the slice too.
    Map<String, Object> param = Fixtures.component(slice, "parameters", "aaa_account_id");
    assertEquals("account_id", param.get("name"));
    assertEquals("path", param.get("in"));
    String schema = (String) Trees.map(param, "schema").get("$ref");
    assertTrue(
        Trees.map(Trees.map(slice, "components"), "schemas")
            .containsKey(schema.substring("#/components/schemas/".length())),
        schema);
  }

  @Test
  void aMissingAccountOperationIsAClearError() {
    Map<String, Object> upstream = Fixtures.cloudflareMin();
    Trees.map(upstream, "paths").remove(Slicer.ACCOUNT_PATH);

    SpecException e = assertThrows(SpecException.class, () -> Slicer.slice(upstream));
    assertTrue(
        e.getMessage()
            .startsWith("the upstream document has no path /accounts/{account_id}/audit_logs"),
        e.getMessage());
  }

  @Test
  void aMissingMethodIsAClearError() {
    Map<String, Object> upstream = Fixtures.cloudflareMin();
    Map<String, Object> item = Trees.map(Trees.map(upstream, "paths"), Slicer.PATH);
    item.put("post", item.remove("get"));

    SpecException e = assertThrows(SpecException.class, () -> Slicer.slice(upstream));
    assertEquals(
        "the upstream path /user/audit_logs has no GET operation (it has: post)", e.getMessage());
  }

  @Test
  void notAnOpenApiDocumentIsAClearError() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                Documents.parse(
                    "- just\n- a list\n".getBytes(StandardCharsets.UTF_8), "list.yaml"));
    assertEquals("list.yaml is not an OpenAPI document: its root is not an object", e.getMessage());
    SpecException noFile =
        assertThrows(
            SpecException.class, () -> Documents.load(temp.resolve("absent.json").toString()));
    assertTrue(noFile.getMessage().startsWith("no such file: "), noFile.getMessage());
  }

  @Test
  void keepsUpstreamInfoAndServersAndSaysItIsASlice() {
    Map<String, Object> slice = Slicer.slice(Fixtures.cloudflareMin());
    Map<String, Object> info = Trees.map(slice, "info");
    assertEquals("Cloudflare API - audit logs slice", info.get("title"));
    assertEquals("4.0.0", info.get("version"));
    assertEquals("BSD-3-Clause", Trees.map(info, "license").get("name"));
    assertTrue(((String) info.get("description")).contains("openapi/update-spec"));
    assertEquals(
        List.of(Map.of("url", "https://api.cloudflare.com/client/v4", "description", "Client API")),
        slice.get("servers"));
    assertFalse(slice.containsKey("tags"));
    assertFalse(slice.containsKey("x-cloudflare-build"));
  }

  private static Object reverseMaps(Object value) {
    if (value instanceof Map) {
      List<Map.Entry<String, Object>> entries = new ArrayList<>(Trees.asMap(value).entrySet());
      java.util.Collections.reverse(entries);
      Map<String, Object> copy = new java.util.LinkedHashMap<>();
      entries.forEach(e -> copy.put(e.getKey(), reverseMaps(e.getValue())));
      return copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      Trees.asList(value).forEach(v -> copy.add(reverseMaps(v)));
      return copy;
    }
    return value;
  }
}
