package dev.cfauditlogs;

import java.time.Duration;

/** Waits between attempts; injectable so that retry and pacing tests take no real time. */
@FunctionalInterface
interface Sleeper {
  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
