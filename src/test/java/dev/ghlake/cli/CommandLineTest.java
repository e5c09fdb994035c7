package dev.ghlake.cli;

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

  /** Issue 25, item 12: an unknown option in ghlake's words, with the option meant. */
  @Test
  public void anUnknownOptionIsNamedWithTheNearestOne() {
    IllegalArgumentException e = org.junit.Assert.assertThrows(IllegalArgumentException.class,
        () -> CommandLine.options("--output=/tmp/x", "--typs=PushEvent"));
    org.junit.Assert.assertEquals("unknown option --typs: did you mean --types? (ghlake help lists every option)",
        e.getMessage());
    IllegalArgumentException far = org.junit.Assert.assertThrows(IllegalArgumentException.class,
        () -> CommandLine.options("--zzzzzzzzzzzz=1"));
    org.junit.Assert.assertEquals("unknown option --zzzzzzzzzzzz (ghlake help lists every option)", far.getMessage());
  }

  @Test
  public void beamsAndTheRunnersOptionsAreKnown() {
    CommandLine.options("--output=/tmp/x", "--runner=DirectRunner", "--targetParallelism=2", "--tempLocation=/tmp",
        "--s3PathStyle=true", "--dryRun");
  }

  @Test
  public void theVersionIsPrintedWithoutOptions() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int exit = dev.ghlake.GhLake.execute(new String[] {"--version"}, new java.io.PrintStream(out, true),
        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    org.junit.Assert.assertEquals(0, exit);
    assertTrue(out.toString(), out.toString().startsWith("ghlake "));
  }
}
