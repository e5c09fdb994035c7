package dev.ghlake.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.backfill.BackfillOptions;
import dev.ghlake.compare.CompareOptions;
import dev.ghlake.interactions.InteractionsOptions;
import dev.ghlake.recommend.EvaluationOptions;
import dev.ghlake.report.ReportOptions;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.training.ExportOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import org.junit.Test;

/**
 * docs/options.md is what the code declares: every option with its type, default and words.
 * Out of date, it fails; {@code -Dghlake.writeDocs=true} rewrites it.
 */
public class OptionsReferenceTest {
  /** Each command and the options it reads beyond those of the commands above it. */
  static Map<String, Class<? extends PipelineOptions>> commands() {
    Map<String, Class<? extends PipelineOptions>> c = new LinkedHashMap<>();
    c.put("`ghlake run` (also read by `backfill`, the Lambda handler and `compare`)", GhLakeOptions.class);
    c.put("`ghlake backfill`", BackfillOptions.class);
    c.put("`ghlake compare`", CompareOptions.class);
    c.put("`ghlake report`", ReportOptions.class);
    c.put("`ghlake interactions`", InteractionsOptions.class);
    c.put("`ghlake interactions --export`", ExportOptions.class);
    c.put("`ghlake interactions --export` with an evaluation", EvaluationOptions.class);
    return c;
  }

  @Test
  public void docsOptionsIsWhatTheCodeDeclares() throws Exception {
    Path page = Path.of(System.getProperty("ghlake.basedir", "."), "docs", "options.md");
    String generated = OptionsReference.markdown(commands());
    if (Boolean.getBoolean("ghlake.writeDocs")) {
      Files.writeString(page, generated, StandardCharsets.UTF_8);
    }
    assertTrue(generated.contains("| `--latenessHours` | int | `6` |"));
    assertTrue(generated.contains("| `--source` | gharchive \\| synthetic \\| bigquery | `gharchive` |"));
    assertEquals("docs/options.md is out of date: run mvn -o -q test -Dtest=OptionsReferenceTest "
        + "-Dghlake.writeDocs=true", generated, Files.readString(page, StandardCharsets.UTF_8));
  }
}
