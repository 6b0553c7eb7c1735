package dev.cfauditlogs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** page/per_page, result_info, and the adversarial pagination modes. */
class PaginationTest {
  private static final Dataset DATA = Dataset.synthetic(7, 23);

  private static AuditLogEmulator start(PaginationMode mode) {
    return AuditLogEmulator.builder().dataset(DATA).pagination(mode).start();
  }

  private static List<String> allIds(AuditLogEmulator emulator) {
    return emulator.records().stream().map(l -> l.id().orElseThrow()).collect(Collectors.toList());
  }

  private static long info(Http.Reply reply, String name) {
    return ((Number) reply.resultInfo().get(name)).longValue();
  }

  @Test
  void pagesCoverEveryRecordOnceInOrder() {
    try (AuditLogEmulator emulator = start(PaginationMode.NORMAL)) {
      List<String> seen = new ArrayList<>();
      for (int page = 1; page <= 4; page++) {
        Http.Reply reply = Http.get(emulator, "per_page=7&page=" + page);
        assertEquals(page, info(reply, "page"));
        assertEquals(7, info(reply, "per_page"));
        assertEquals(reply.result().size(), info(reply, "count"));
        assertEquals(23, info(reply, "total_count"));
        assertEquals(4, info(reply, "total_pages"));
        seen.addAll(reply.ids());
      }
      assertEquals(allIds(emulator), seen);
      Http.Reply past = Http.get(emulator, "per_page=7&page=5");
      assertEquals(List.of(), past.result());
      assertEquals(0, info(past, "count"));
      assertEquals(4, info(past, "total_pages"));
    }
  }

  @Test
  void defaultsArePageOneOfAHundred() {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(Dataset.synthetic(3, 150)).start()) {
      Http.Reply reply = Http.get(emulator, "");
      assertEquals(100, reply.result().size());
      assertEquals(
          Map.of(
              "page",
              1.0,
              "per_page",
              100.0,
              "count",
              100.0,
              "total_count",
              150.0,
              "total_pages",
              2.0),
          reply.resultInfo());
      assertEquals(50, Http.get(emulator, "page=2.0").result().size());
    }
  }

  @Test
  void emptyResultHasZeroPages() {
    try (AuditLogEmulator emulator = AuditLogEmulator.builder().dataset(Dataset.empty()).start()) {
      Http.Reply reply = Http.get(emulator, "");
      assertEquals(List.of(), reply.result());
      assertEquals(0, info(reply, "total_pages"));
      assertEquals(0, info(reply, "total_count"));
    }
  }

  @Test
  void resultInfoCanBeSwitchedOffAsInTheDocumentedExample() {
    try (AuditLogEmulator emulator =
        AuditLogEmulator.builder().dataset(DATA).resultInfo(false).start()) {
      Http.Reply reply = Http.get(emulator, "per_page=5");
      assertFalse(reply.json().containsKey("result_info"));
      assertEquals(5, reply.result().size());
      assertEquals(Boolean.TRUE, reply.json().get("success"));
      assertEquals(List.of(), reply.json().get("errors"));
      assertEquals(List.of(), reply.json().get("messages"));
    }
  }

  @Test
  void ignoresPage() {
    try (AuditLogEmulator emulator = start(PaginationMode.IGNORES_PAGE)) {
      Http.Reply first = Http.get(emulator, "per_page=10&page=1");
      Http.Reply third = Http.get(emulator, "per_page=10&page=3");
      Http.Reply farPast = Http.get(emulator, "per_page=10&page=50");
      assertEquals(first.ids(), third.ids());
      assertEquals(first.ids(), farPast.ids());
      assertEquals(1, info(farPast, "page"));
      assertEquals(3, info(farPast, "total_pages"));
    }
  }

  @Test
  void repeatsLastPage() {
    try (AuditLogEmulator emulator = start(PaginationMode.REPEATS_LAST_PAGE)) {
      Http.Reply last = Http.get(emulator, "per_page=10&page=3");
      Http.Reply past = Http.get(emulator, "per_page=10&page=4");
      Http.Reply farPast = Http.get(emulator, "per_page=10&page=400");
      assertEquals(3, last.ids().size());
      assertEquals(last.ids(), past.ids());
      assertEquals(last.ids(), farPast.ids());
      assertEquals(400, info(farPast, "page"));
      assertEquals(3, info(farPast, "total_pages"));
      assertEquals(Http.get(emulator, "per_page=10&page=2").ids().size(), 10);
    }
  }

  @Test
  void liesInTotalPages() {
    try (AuditLogEmulator emulator = start(PaginationMode.LIES_IN_TOTAL_PAGES)) {
      Http.Reply first = Http.get(emulator, "per_page=10");
      assertEquals(40, info(first, "total_pages"));
      assertEquals(400, info(first, "total_count"));
      assertEquals(10, first.result().size());
      Http.Reply past = Http.get(emulator, "per_page=10&page=4");
      assertEquals(List.of(), past.result());
      assertEquals(40, info(past, "total_pages"));
    }
  }

  @Test
  void understatesTotalPages() {
    try (AuditLogEmulator emulator = start(PaginationMode.UNDERSTATES_TOTAL_PAGES)) {
      Http.Reply first = Http.get(emulator, "per_page=10");
      assertEquals(1, info(first, "total_pages"));
      assertEquals(10, info(first, "total_count"));
      Http.Reply second = Http.get(emulator, "per_page=10&page=2");
      assertEquals(10, second.result().size());
      assertEquals(1, info(second, "total_pages"));
      assertTrue(second.ids().stream().noneMatch(first.ids()::contains));
    }
  }
}
