package dev.ghlake.run;

import dev.ghlake.source.bigquery.BigQueryCost;
import dev.ghlake.source.bigquery.BigQueryPlan;
import dev.ghlake.storage.LakeStorage;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks BigQuery what a read will bill before anything is read, and refuses reads over
 * --maxBytesBilled. The question is given a few seconds: offline, BigQuery's client would retry
 * for minutes before saying so.
 */
public final class CostGuard {
  /** How long BigQuery is given to answer what a read costs. */
  static final Duration ASK_FOR = Duration.ofSeconds(20);

  private CostGuard() {}

  /**
   * Whether the read may go on: {@code refused} null if the run reads no BigQuery or fits the
   * budget, else why; {@code bytes} what BigQuery said the read bills (0 for no BigQuery).
   */
  record Verdict(String refused, long bytes) {}

  static Verdict refuse(RunPlan plan, GhLakeOptions options, PrintStream err) {
    BigQueryPlan bq = plan.source().bigQuery();
    if (bq == null) {
      return new Verdict(null, 0);
    }
    try {
      BigQueryCost cost = ask(bq, options, ASK_FOR);
      err.println("ghlake: the BigQuery read " + cost.describe().strip());
      return new Verdict(cost.bytes() <= options.getMaxBytesBilled() ? null
          : "the BigQuery read " + cost.describe().strip() + ", over --maxBytesBilled="
              + options.getMaxBytesBilled() + ": raise it or narrow the window", cost.bytes());
    } catch (Exception e) {
      return new Verdict("cannot ask BigQuery what the read would cost: " + LakeStorage.describe(e), 0);
    }
  }

  /** BigQuery's answer, or a {@link TimeoutException} after {@code within}. */
  public static BigQueryCost ask(BigQueryPlan plan, GhLakeOptions options, Duration within) throws Exception {
    ExecutorService asker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "ghlake-bigquery-cost");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<BigQueryCost> answer = asker.submit(() -> BigQueryCost.of(plan, options));
      return answer.get(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException("BigQuery did not answer within " + within.toSeconds()
          + " s (offline, or no route to Google?)");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      asker.shutdownNow();
    }
  }
}
