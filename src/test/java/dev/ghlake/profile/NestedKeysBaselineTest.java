package dev.ghlake.profile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * Keys one level down in issues and comments are judged against manifests that profiled them,
 * never against a lake's older manifests, which say nothing of them (no alarm on upgrade).
 */
public class NestedKeysBaselineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DriftCheck CHECK = new DriftCheck(true, 14, 4, 0.1, 0.5);

  /** A manifest's profile of IssuesEvent: 1,000 events, the issue keys given (or none at all). */
  private static PartitionProfile profile(String issueKeys) throws Exception {
    String nested = issueKeys == null ? "" : ", \"issue_keys\": " + issueKeys + ", \"comment_keys\": {}";
    return PartitionProfile.fromJson(JSON.readTree("{\"IssuesEvent\": {\"events\": 1000, \"actions\": "
        + "{\"opened\": 1000}, \"payload_keys\": {\"action\": 1000, \"issue\": 1000}, \"pull_request_keys\": {}"
        + nested + ", \"nulls\": {}, \"payload_bytes\": {\"1024\": 1000}}, \"_duplicates\": 0}"));
  }

  private static List<String> measures(PartitionProfile now, List<PartitionProfile> base) {
    return CHECK.findings("dt=2025-10-07", now, base).stream().map(DriftFinding::measure).toList();
  }

  @Test
  public void issueKeysAreJudgedOnlyAgainstManifestsThatProfiledThem() throws Exception {
    String before = "{\"title\": 1000, \"author_association\": 1000}";
    String after = "{\"title\": 1000}";
    List<PartitionProfile> profiled = new ArrayList<>();
    List<PartitionProfile> older = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      profiled.add(profile(before));
      older.add(profile(null));
    }
    assertEquals(List.of("IssuesEvent payload.issue key 'author_association' present"),
        measures(profile(after), profiled));
    // a lake whose manifests predate the measure: nothing to compare with, no finding
    assertEquals(List.of(), measures(profile(before), older));
    assertEquals(List.of(), measures(profile(after), older));
    // the key set of a profile round-trips through the manifest
    assertTrue(profile(before).toJson().path("IssuesEvent").path("issue_keys").has("author_association"));
  }
}
