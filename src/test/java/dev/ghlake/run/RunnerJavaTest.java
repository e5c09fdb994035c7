package dev.ghlake.run;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * The Flink runner fails on Java 24 and later (HADOOP-19212): seen running FlinkRunnerTest on
 * Temurin 25, where the local cluster did not start ("getSubject is not supported").
 */
public class RunnerJavaTest {
  @Test
  public void flinkIsRefusedOnJava24AndLaterSayingWhichJavaRunsIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunPlanner.checkRunner("FlinkRunner", 25));
    assertTrue(e.getMessage(), e.getMessage().contains("Java 17") && e.getMessage().contains("HADOOP-19212"));
  }

  @Test
  public void flinkRunsOnJava17And21AndTheDirectRunnerOnAnyJava() {
    RunPlanner.checkRunner("FlinkRunner", 17);
    RunPlanner.checkRunner("FlinkRunner", 21);
    RunPlanner.checkRunner("DirectRunner", 25);
  }
}
