package dev.ghlake.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.ghlake.model.ProcessOwner;
import java.time.Instant;
import org.junit.Test;

/** A lease object's text: written and read by one mapping, and what an odd one reads as. */
public class LeaseRecordTest {
  private static final ProcessOwner ELSEWHERE = new ProcessOwner("another-host", 42, "2026-12-06T00:00:00Z");

  private static LeaseRecord lease(String expires, boolean released, ProcessOwner owner) {
    return new LeaseRecord("r1", "2024-07-01T00 .. 2024-07-02T00", 3, "2026-12-06T00:00:00Z", expires,
        released, owner);
  }

  @Test
  public void aLeaseReadsBackAsWrittenWithTheOwnersFieldsOnly() {
    LeaseRecord l = lease(Instant.now().plusSeconds(600).toString(), false, ELSEWHERE);
    String json = l.toJson();
    assertEquals(l, LeaseRecord.parse(json));
    assertTrue(json, json.startsWith("{\"run_id\":\"r1\",\"window\":"));
    assertTrue(json, json.contains("\"owner\":{\"host\":\"another-host\",\"pid\":42,\"started\":"));
    assertFalse("a question about the process is no field: " + json, json.contains("dead"));
  }

  @Test
  public void onlyAnUnreleasedUnexpiredLeaseOfALiveHolderIsLive() {
    String later = Instant.now().plusSeconds(600).toString();
    assertTrue(lease(later, false, ELSEWHERE).isLive(false));
    assertFalse(lease(later, true, ELSEWHERE).isLive(false));
    assertFalse(lease(Instant.now().minusSeconds(1).toString(), false, ELSEWHERE).isLive(false));
    assertTrue(lease(later, false, ProcessOwner.current()).isLive(true));
    assertFalse("ours, but its run is over", lease(later, false, ProcessOwner.current()).isLive(false));
  }

  @Test
  public void anUnreadableOrFieldlessLeaseIsDead() {
    for (String text : new String[] {"not json", "{}", "null", "{\"run_id\":\"r\",\"expires_at\":\"soon\"}"}) {
      LeaseRecord l = LeaseRecord.parse(text);
      assertFalse(text, l.isLive(false));
      assertTrue(text, l.describe("dt=2024-07-01").startsWith("run "));
    }
  }
}
