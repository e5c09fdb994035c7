package dev.ghlake.testing;

import dev.ghlake.model.EventSchema;
import dev.ghlake.transform.normalize.EventNormalizer;
import dev.ghlake.transform.normalize.NormalizationException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;

/** Normalised events built from fixtures, for tests of the transforms downstream. */
public final class Events {
  private Events() {}

  public static List<GenericRecord> fromFixture(String fixture) {
    EventNormalizer normalizer = new EventNormalizer(true);
    List<GenericRecord> out = new ArrayList<>();
    for (String line : Fixtures.lines(fixture)) {
      try {
        GenericRecord event = normalizer.normalize(line);
        event.put(EventSchema.SOURCE_FILE, fixture);
        out.add(event);
      } catch (NormalizationException e) {
        throw new IllegalStateException("fixture line does not normalise: " + line, e);
      }
    }
    return out;
  }

  public static AvroCoder<GenericRecord> coder() {
    return AvroCoder.of(EventSchema.SCHEMA);
  }

  public static String id(GenericRecord event) {
    return event.get(EventSchema.EVENT_ID).toString();
  }
}
