package dev.cfauditlogs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The readying of the record path ({@link Prewarm}) must really run the path: were a change to the
 * client, pager or writer to make it fail, it would fail silently (it ignores its failures) and the
 * start-up it buys would be gone. Its pages come from an interceptor; the base URL it names points
 * at a port nothing listens on, so a request that left the process would fail these tests.
 */
class PrewarmTest {
  @Test
  void onlyCommandsThatReadRecordsOnTwoOrMoreProcessorsStartIt() {
    assertFalse(Prewarm.startFor(new String[] {"--version"}, 2));
    assertFalse(Prewarm.startFor(new String[] {"emulator", "--records", "10"}, 2));
    assertFalse(Prewarm.startFor(new String[] {"export", "--format", "csv"}, 1));
    assertTrue(Prewarm.startFor(new String[] {"--verbose", "export", "--format", "csv"}, 2));
    Prewarm.awaitClassesReady(); // its first stage ends before other tests build clients
  }

  @Test
  void theFirstStageReadsItsEmptyPageToTheEnd() throws Exception {
    assertEquals(0, Prewarm.pages(Prewarm.SECOND_STAGE_PER_PAGE, 0));
  }

  @Test
  void theSecondStageReadsAndWritesEveryRecordOfItsPages() throws Exception {
    assertEquals(
        (long) Prewarm.SECOND_STAGE_PER_PAGE * Prewarm.SECOND_STAGE_PAGES,
        Prewarm.pages(Prewarm.SECOND_STAGE_PER_PAGE, Prewarm.SECOND_STAGE_PAGES));
  }
}
