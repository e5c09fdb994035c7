package dev.ghlake.run;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.apache.beam.runners.direct.DirectOptions;
import org.junit.Test;

/** An option the command line sets itself, in either of Beam's spellings, is left as it is set. */
public class CommandLineTest {
  @Test
  public void anOptionIsNamedWithAValueOrAlone() {
    String[] args = {"--output=/tmp/lake", "--enforceImmutability", "--awsRegion=eu-west-2"};
    assertTrue(CommandLine.names(args, "enforceImmutability"));
    assertTrue(CommandLine.names(args, "awsRegion"));
    assertFalse(CommandLine.names(args, "aws"));
    assertFalse(CommandLine.names(args, "targetParallelism"));
  }

  @Test
  public void theDirectRunnersChecksAreOffUnlessTheCommandLineTurnsThemOn() {
    DirectOptions off = CommandLine.options("--output=/tmp/lake").as(DirectOptions.class);
    assertFalse(off.isEnforceImmutability());
    DirectOptions on = CommandLine.options("--output=/tmp/lake", "--enforceImmutability").as(DirectOptions.class);
    assertTrue(on.isEnforceImmutability());
  }
}
