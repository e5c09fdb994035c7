package dev.ghlake.run;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.cli.CommandLine;
import org.junit.Test;

/**
 * Flink's local cluster fails on Java 24 and later (HADOOP-19212): seen running FlinkRunnerTest
 * on Temurin 25 ("getSubject is not supported" as the cluster started), while FlinkClusterIT,
 * which submits to a cluster, passed there.
 */
public class RunnerJavaTest {
  @Test
  public void aLocalFlinkClusterIsRefusedOnJava24AndLaterSayingWhatRuns() {
    for (String master : new String[] {null, "[local]", "[auto]"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> RunPlanner.checkRunner("FlinkRunner", master, 25));
      assertTrue(e.getMessage(), e.getMessage().contains("Java 17 or 21") && e.getMessage().contains("HADOOP-19212")
          && e.getMessage().contains("--flinkMaster=host:port"));
    }
  }

  @Test
  public void aClusterOnAnyJavaALocalOneOnJava17And21AndTheDirectRunnerAnywhereRun() {
    RunPlanner.checkRunner("FlinkRunner", "127.0.0.1:8081", 25);
    RunPlanner.checkRunner("FlinkRunner", "[local]", 17);
    RunPlanner.checkRunner("FlinkRunner", null, 21);
    RunPlanner.checkRunner("DirectRunner", null, 25);
  }

  @Test
  public void theCheckReadsFlinkMasterFromTheCommandLine() {
    GhLakeOptions options = CommandLine.options("--output=/tmp/lake", "--runner=FlinkRunner",
        "--flinkMaster=127.0.0.1:8081", "--input=/tmp/in");
    assertEquals("127.0.0.1:8081", OptionsRecord.tree(options).path("flinkMaster").asText());
  }
}
