package dev.ghlake.lambda;

import static org.junit.Assert.assertEquals;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;

/** A cold start's INIT phase is billed once, with the environment's first invocation (since 2025-08-01). */
public class InvocationCostTest {
  @Test
  public void theInitPhaseIsBilledWithTheFirstInvocationOnly() {
    AtomicBoolean billed = new AtomicBoolean();
    long jvmStart = 1_764_000_000_000L;
    assertEquals(0.612, InvocationCost.initSeconds(billed, jvmStart, jvmStart + 612), 1e-9);
    assertEquals("warm: no INIT before it", 0, InvocationCost.initSeconds(billed, jvmStart, jvmStart + 90_000), 0);
  }
}
