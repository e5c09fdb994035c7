package dev.ghlake.table;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.Test;
import software.amazon.awssdk.regions.Region;

/** The Glue catalog's settings from the lake's: the region is the lake's unless the user gave one. */
public class GlueSettingsTest {
  @Test
  public void theLakesRegionReachesTheCatalogAndTheUsersPropertiesWin() {
    Map<String, String> props = new HashMap<>();
    GlueSettings.addTo(props, Region.EU_WEST_1, "");
    assertEquals("eu-west-1", props.get("client.region"));
    assertFalse(props.containsKey("glue.endpoint"));
    assertEquals("apache", props.get("http-client.type"));

    Map<String, String> given = new HashMap<>(Map.of("client.region", "us-west-2"));
    GlueSettings.addTo(given, Region.EU_WEST_1, "https://glue.vpce.example");
    assertEquals("us-west-2", given.get("client.region"));
    assertEquals("https://glue.vpce.example", given.get("glue.endpoint"));
  }

  /** Without a region the Glue client would fail at the commit, after the whole load. */
  @Test
  public void noRegionAnywhereIsRefusedBeforeTheRun() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GlueSettings.addTo(new HashMap<>(), null, ""));
    assertTrue(e.getMessage(), e.getMessage().contains("--awsRegion"));
    Map<String, String> given = new HashMap<>(Map.of("client.region", "us-west-2"));
    GlueSettings.addTo(given, null, ""); // the user's own is enough
    assertEquals("us-west-2", given.get("client.region"));
  }

  /** Iceberg's Glue catalog would refuse these at the commit, after the whole load. */
  @Test
  public void namesGlueCannotHoldAreRefusedBeforeTheRun() {
    GlueSettings.checkName("ghlake", "events");
    GlueSettings.checkName("gh_lake_2", "events_v2");
    for (String[] bad : new String[][] {{"GhLake", "events"}, {"ghlake", "Events"}, {"gh-lake", "events"},
        {"ghlake", "events.x"}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GlueSettings.checkName(bad[0], bad[1]));
      assertTrue(e.getMessage(), e.getMessage().contains("lower-case letters, digits and _"));
    }
  }
}
