package dev.ghlake.run;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import org.junit.Test;

/**
 * A class initialiser that runs out of heap fails later uses of the class with
 * NoClassDefFoundError, whose cause keeps only the words of the OutOfMemoryError (Java 17): that
 * is still a run out of memory, reported with the setting to change (BoundedMemoryTest met it).
 */
public class OutOfMemoryWordsTest {
  @Test
  public void anInitialiserOutOfHeapIsOutOfMemory() {
    Throwable e = new RuntimeException("the pipeline failed", new NoClassDefFoundError("Could not initialize class X")
        .initCause(new ExceptionInInitializerError("Exception java.lang.OutOfMemoryError: Java heap space [in thread \"w\"]")));
    assertNotNull(PipelineRun.outOfMemoryIn(e));
  }

  @Test
  public void anInitialiserThatFailedOtherwiseIsNot() {
    Throwable e = new NoClassDefFoundError("Could not initialize class X")
        .initCause(new ExceptionInInitializerError("Exception java.lang.IllegalStateException: no config"));
    assertNull(PipelineRun.outOfMemoryIn(e));
  }
}
