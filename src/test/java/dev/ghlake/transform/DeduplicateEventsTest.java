package dev.ghlake.transform;

import static org.junit.Assert.assertEquals;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.model.EventSchema;
import dev.ghlake.testing.Events;
import dev.ghlake.testing.Tallied;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

public class DeduplicateEventsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  @Test
  public void copiesWithTheSameIdAndTimeCollapseAndAreCounted() {
    List<GenericRecord> events = Events.fromFixture("era-2015-events-api.jsonl");
    List<KV<String, GenericRecord>> input = new ArrayList<>();
    events.forEach(e -> input.add(KV.of("file-a", e)));
    input.add(KV.of("file-a", events.get(0)));                 // an exact copy
    input.add(KV.of("file-a", events.get(0)));                 // and another
    GenericRecord sameIdLater = new GenericData.Record((GenericData.Record) events.get(1), true);
    sameIdLater.put(EventSchema.CREATED_AT, (Long) events.get(1).get(EventSchema.CREATED_AT) + 1);
    input.add(KV.of("file-a", sameIdLater));                   // same id, other time: kept

    Ledger ledger = new Ledger();
    PAssert.that(p.apply(Create.of(input)
                .withCoder(KvCoder.of(StringUtf8Coder.of(), Events.coder())))
            .apply(DeduplicateEvents.withinKey(ledger))
            .apply(MapElements.into(TypeDescriptors.strings())
                .via((KV<String, GenericRecord> kv) -> kv.getKey() + "/" + Events.id(kv.getValue()))))
        .containsInAnyOrder("file-a/2489651045", "file-a/2489651046", "file-a/2489651046",
            "file-a/2489651047", "file-a/2489651048", "file-a/2489651049");
    PAssert.that(ledger.entries(p)).satisfies(entries -> {
      assertEquals(Map.of("DUPLICATE", 2L), Tallied.byKindAndDetail(entries));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
