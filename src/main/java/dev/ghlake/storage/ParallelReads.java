package dev.ghlake.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many small reads of the lake at once: manifests and run records are a request each on S3
 * (tens of milliseconds), so a year of hour manifests read one after another took minutes.
 */
public final class ParallelReads {
  /** Reads at once: S3 serves thousands of GETs a second per prefix; the JVM's threads are the bound. */
  public static final int THREADS = 16;

  private ParallelReads() {}

  /** One read. */
  public interface Read<P, T> {
    T apply(P item) throws IOException;
  }

  /**
   * Every item read, in the items' order, nulls (a file gone since its listing) left out. The
   * first failure is thrown as the read threw it.
   */
  public static <P, T> List<T> all(List<P> items, String threadName, Read<P, T> read) throws IOException {
    if (items.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, items.size()), r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>();
      items.forEach(p -> futures.add(pool.submit(() -> read.apply(p))));
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        T value = f.get();
        if (value != null) {
          out.add(value);
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the lake", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause.toString(), cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
