package dev.ghlake.storage;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.beam.sdk.io.aws2.options.AwsOptions;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS region Beam's options default to, looked up on a thread of its own while the command
 * line is parsed. Off AWS with no region configured, the SDK asks the EC2 metadata service and
 * waits about 0.8 s for no answer; Beam does that as it registers its S3 filesystem, in every run,
 * on the main thread.
 */
public final class RegionLookup {
  private final FutureTask<Region> lookup;

  private RegionLookup(FutureTask<Region> lookup) {
    this.lookup = lookup;
  }

  /** Starts Beam's own default lookup (the SDK's provider chain; null when it finds none). */
  public static RegionLookup start() {
    FutureTask<Region> task = new FutureTask<>(() -> new AwsOptions.AwsRegionFactory().create(null));
    Thread thread = new Thread(task, "ghlake-aws-region");
    thread.setDaemon(true);
    thread.start();
    return new RegionLookup(task);
  }

  /**
   * Sets the region the lookup found (null as well: what the default gives) on options whose
   * command line named none. If the lookup failed, the options keep their default, which then
   * looks again and fails as Beam's would.
   */
  public void applyTo(AwsOptions options) {
    try {
      options.setAwsRegion(lookup.get());
    } catch (ExecutionException e) {
      // the default lookup, run again by Beam, reports it where it always did
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
