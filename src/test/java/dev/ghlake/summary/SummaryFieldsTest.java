package dev.ghlake.summary;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * The summary's documented fields (docs/accounting.md) are the code's (issue 26: the list missed
 * counts_from, refused, partitions_kept, partitions_incomplete and notify_error).
 */
public class SummaryFieldsTest {
  @Test
  public void theDocumentedFieldsAreTheSummarysFields() throws Exception {
    String doc = Files.readString(Path.of("docs", "accounting.md"));
    String list = doc.substring(doc.indexOf("<!-- summary-fields -->"), doc.indexOf("<!-- /summary-fields -->"));
    TreeSet<String> documented = new TreeSet<>();
    for (String line : list.lines().filter(l -> l.startsWith("- ")).toList()) {
      String keys = line.contains(": ") ? line.substring(0, line.indexOf(": ")) : line;
      Matcher m = Pattern.compile("`([a-z_]+)`").matcher(keys);
      while (m.find()) {
        documented.add(m.group(1));
      }
    }
    String json = RunSummary.failed("20241204T100000Z-abcd", "/lake", null, "a failure", null, 0).toJson();
    List<String> fields = new ArrayList<>();
    new ObjectMapper().readTree(json).fieldNames().forEachRemaining(fields::add);
    assertEquals(new TreeSet<>(fields), documented);
  }

  @Test
  public void aSummaryPlacesTheRunBetweenItsStartAndItsEnd() throws Exception {
    String json = RunSummary.failed("20241204T100000Z-abcd", "/lake", null, "a failure", null, 61.6).toJson();
    var tree = new ObjectMapper().readTree(json);
    assertEquals("2024-12-04T10:00:00Z", tree.path("started_at").asText());
    assertEquals("2024-12-04T10:01:02Z", tree.path("finished_at").asText());
  }
}
