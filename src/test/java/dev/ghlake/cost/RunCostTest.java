package dev.ghlake.cost;

import static org.junit.Assert.assertEquals;

import dev.ghlake.model.HourWindow;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.storage.S3Requests;
import dev.ghlake.summary.BatchSummary;
import dev.ghlake.summary.RunSummary;
import java.util.List;
import org.junit.Test;

/** A batch's cost is its runs' and its invocation's, at the prices they were run with. */
public class RunCostTest {
  private static final Prices OTHER_REGION = Prices.of("s3PutCopyPostList=0.00001,s3GetAndOther=0.000001,lambdaX86GbSecond=0.00002");

  @Test
  public void aBatchKeepsThePricesItsRunsWereGiven() {
    BatchSummary batch = new BatchSummary("backfill");
    for (int day = 1; day <= 2; day++) {
      RunSummary run = RunSummary.failed("2024070" + day + "T000000Z-000" + day, "/lake", null, "a failure", null, 0);
      run.recordCost(new RunCost(new S3Requests.Counts(100, 1_000, 7), 0, 0, 0, 0, false, 0, OTHER_REGION));
      batch.ran(run, List.of(HourWindow.parse("2024-07-0" + day, "2024-07-0" + (day + 1))), PartitionBy.day);
    }
    batch.recordLambda(RunCost.lambda(50, 0, false, OTHER_REGION));

    // 200 writes at $0.00001, 2,000 reads at $0.000001, 50 GB-s at $0.00002, one request at $0.20 per million
    assertEquals(200 * 0.00001 + 2_000 * 0.000001 + 50 * 0.00002 + 0.20 / 1e6, batch.cost().totalUsd(), 1e-12);
    assertEquals(1, batch.cost().lambdaRequests());
    assertEquals(new S3Requests.Counts(200, 2_000, 14), batch.cost().s3());
  }

  @Test
  public void aBadPriceIsRefusedNamingIt() {
    IllegalArgumentException e = org.junit.Assert.assertThrows(IllegalArgumentException.class,
        () -> Prices.of("s3GetAndOther=-1"));
    assertEquals("--prices: s3GetAndOther must be a price in US dollars, 0 or more (got '-1')", e.getMessage());
  }
}
