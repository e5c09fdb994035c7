package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.TestArchives;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The Athena/Glue DDL in templates/athena describes what the pipeline really writes: its columns
 * and types equal the Parquet (and dead-letter JSON) of a run, read back by DuckDB, and its
 * partition location templates match the run's folders.
 */
public class AthenaDdlTest {
  private static final Pattern COLUMN = Pattern.compile("^  `(\\w+)` (\\w+),?$", Pattern.MULTILINE);
  private static final Pattern TEMPLATE = Pattern.compile("'storage.location.template' = '\\{\\{LAKE}}/([^']*)'");
  private static final Map<String, String> DUCKDB_TYPE = Map.of("string", "VARCHAR", "bigint", "BIGINT",
      "boolean", "BOOLEAN", "timestamp", "TIMESTAMP WITH TIME ZONE");
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theTablesDescribeWhatARunWrites() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(2_000, 2, "2024-07-01T00"), 3);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive.resolve("2024-07-01-9.json.gz")))) {
      out.write("this line is not JSON\n".getBytes(StandardCharsets.UTF_8));
    }
    String lake = tmp.newFolder("lake").getPath();
    RunSummary run = GhLake.run(CommandLine.options("--input=" + archive + "/*.json.gz",
        "--output=" + lake, "--progressSeconds=0"));
    assertEquals(1L, (long) run.rejected().values().stream().mapToLong(Long::longValue).sum());

    Map<String, String> events = columns(Path.of("templates/athena/events.sql"));
    events.put("dt", "string"); // the partition columns, which DuckDB reads from the folders
    events.put("hour", "string");
    assertEquals(expected(events), described("read_parquet('" + lake + "/events/**/*.parquet', hive_partitioning=true, hive_types_autocast=false)"));
    Map<String, String> rejected = columns(Path.of("templates/athena/rejected.sql"));
    rejected.put("run", "string");
    assertEquals(expected(rejected), described("read_json_auto('" + lake + "/_rejected/*/*.json.gz', "
        + "hive_partitioning=true, hive_types_autocast=false)"));

    assertEveryFolderMatches(Path.of(lake), template("events.sql", "dt", "\\d{4}-\\d{2}-\\d{2}", "hour", "\\d{2}"), "events");
    assertEveryFolderMatches(Path.of(lake), template("rejected.sql", "run", Pattern.quote(run.runId())), "_rejected");
  }

  /** A DDL file's column names and types, in order. */
  private static Map<String, String> columns(Path ddl) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = COLUMN.matcher(Files.readString(ddl));
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    assertTrue(ddl + " has columns", out.size() > 3);
    return out;
  }

  private static List<String> expected(Map<String, String> athena) {
    List<String> out = new ArrayList<>();
    athena.forEach((name, type) -> out.add(name + " " + DUCKDB_TYPE.getOrDefault(type, "?" + type)));
    return out;
  }

  private static List<String> described(String relation) throws Exception {
    List<String> out = new ArrayList<>();
    DuckDb.query("DESCRIBE SELECT * FROM " + relation, r -> out.add(r.getString(1) + " " + r.getString(2)));
    return out;
  }

  /** The location template of a DDL file as a regex: {@code ${name}} by its pattern. */
  private static Pattern template(String file, String... namesAndPatterns) throws Exception {
    Matcher m = TEMPLATE.matcher(Files.readString(Path.of("templates/athena", file)));
    assertTrue(file + " has a location template", m.find());
    String regex = Pattern.quote(m.group(1));
    for (int i = 0; i < namesAndPatterns.length; i += 2) {
      regex = regex.replace("${" + namesAndPatterns[i] + "}", "\\E" + namesAndPatterns[i + 1] + "\\Q");
    }
    return Pattern.compile(regex);
  }

  /** Every folder holding a data file under {@code root/top} matches the template. */
  private static void assertEveryFolderMatches(Path lake, Pattern template, String top) throws Exception {
    try (Stream<Path> files = Files.walk(lake.resolve(top))) {
      List<String> folders = files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("_"))
          .map(f -> lake.relativize(f.getParent()) + "/").distinct().toList();
      assertTrue(top + " has data", !folders.isEmpty());
      for (String folder : folders) {
        assertTrue(folder + " does not match " + template, template.matcher(folder).matches());
      }
    }
  }
}
