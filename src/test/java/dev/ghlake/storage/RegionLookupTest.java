package dev.ghlake.storage;

import static org.junit.Assert.assertEquals;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import org.apache.beam.sdk.io.aws2.options.AwsOptions;
import org.junit.After;
import org.junit.Test;
import software.amazon.awssdk.regions.Region;

/**
 * The region a command line gets when it names none is the one Beam's own default would give
 * (looked up beside the parsing), and a region it names is never replaced.
 */
public class RegionLookupTest {
  private static final String PROPERTY = "aws.region";

  @After
  public void forgetTheRegion() {
    System.clearProperty(PROPERTY);
  }

  @Test
  public void withoutOneTheRegionIsWhatBeamsDefaultGives() {
    GhLakeOptions options = CommandLine.options("--output=/tmp/lake");
    assertEquals(new AwsOptions.AwsRegionFactory().create(options), options.getAwsRegion());
  }

  @Test
  public void theSdksOwnSettingsAreFollowed() {
    System.setProperty(PROPERTY, "eu-west-2");
    assertEquals(Region.EU_WEST_2, CommandLine.options("--output=/tmp/lake").getAwsRegion());
  }

  @Test
  public void aRegionTheCommandLineNamesWins() {
    System.setProperty(PROPERTY, "eu-west-2");
    assertEquals(Region.US_WEST_1,
        CommandLine.options("--output=/tmp/lake", "--awsRegion=us-west-1").getAwsRegion());
  }
}
