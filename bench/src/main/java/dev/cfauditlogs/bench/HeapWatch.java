package dev.cfauditlogs.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap: the most used just before and just after any garbage collection (from
 * the collectors' notifications), the most used seen by sampling every few milliseconds, and the
 * sum of every heap pool's own peak (an upper bound: the pools need not peak at the same moment).
 */
final class HeapWatch implements AutoCloseable {
  private final List<String> heapPools = new ArrayList<>();
  private final AtomicLong maxBeforeGc = new AtomicLong();
  private final AtomicLong maxAfterGc = new AtomicLong();
  private final AtomicLong maxSampled = new AtomicLong();
  private final List<Runnable> unregister = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  HeapWatch() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
        pool.resetPeakUsage();
      }
    }
    NotificationListener listener = (notification, handback) -> onGc(notification);
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        unregister.add(
            () -> {
              try {
                emitter.removeNotificationListener(listener);
              } catch (javax.management.ListenerNotFoundException e) {
                // already gone
              }
            });
      }
    }
    sampler =
        new Thread(
            () -> {
              while (running) {
                maxSampled.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void onGc(Notification notification) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    maxBeforeGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
    maxAfterGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
  }

  private long heapUsed(Map<String, MemoryUsage> byPool) {
    long sum = 0;
    for (String pool : heapPools) {
      MemoryUsage usage = byPool.get(pool);
      if (usage != null) {
        sum += usage.getUsed();
      }
    }
    return sum;
  }

  /** The most heap used at any observed moment: before a collection, or sampled. */
  long peakUsed() {
    return Math.max(
        Math.max(maxBeforeGc.get(), maxSampled.get()),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  long maxAfterGc() {
    return maxAfterGc.get();
  }

  /** The sum of the heap pools' own peaks, which need not have happened at the same moment. */
  long poolPeakSum() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static long usedNow() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static long maxHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
  }

  static String collectors() {
    List<String> names = new ArrayList<>();
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.add(gc.getName());
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return String.join("+", names).replace(' ', '_') + " gcCount=" + count + " gcMillis=" + millis;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    unregister.forEach(Runnable::run);
  }
}
