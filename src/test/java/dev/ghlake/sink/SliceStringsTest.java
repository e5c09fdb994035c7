package dev.ghlake.sink;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class SliceStringsTest {
  @Test
  public void everySliceGivesItsOwnTextAlsoWhenTheTableGrows() {
    SliceStrings strings = new SliceStrings();
    byte[] all = new byte[10_000 * 12];
    for (int i = 0; i < 10_000; i++) {
      byte[] name = String.format("src-%07d", i).getBytes(StandardCharsets.UTF_8);
      System.arraycopy(name, 0, all, i * 12, name.length);
      assertEquals(String.format("src-%07d", i), strings.of(all, i * 12, name.length));
    }
    String first = strings.of(all, 0, 11);
    assertSame("made once", first, strings.of(all, 0, 11));
  }
}
