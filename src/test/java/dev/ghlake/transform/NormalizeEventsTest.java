package dev.ghlake.transform;

import static org.junit.Assert.assertEquals;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.model.RawLine;
import dev.ghlake.model.Rejected;
import dev.ghlake.testing.Events;
import dev.ghlake.testing.Fixtures;
import dev.ghlake.testing.Tallied;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

public class NormalizeEventsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  @Test
  public void goodLinesBecomeEventsAndBadLinesDeadLettersWithTheirReason() {
    List<RawLine> lines = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (String fixture : List.of("era-2011-events-api.jsonl", "era-2015-events-api.jsonl")) {
      Fixtures.lines(fixture).forEach(l -> lines.add(new RawLine(fixture, lines.size() + 1, l)));
      Events.fromFixture(fixture).forEach(e -> ids.add(Events.id(e)));
    }
    RawLine broken = new RawLine("bad.json", 1, "{\"type\":\"PushEvent\",");
    RawLine array = new RawLine("bad.json", 2, "[]");
    RawLine noTime = new RawLine("bad.json", 3, "{\"type\":\"PushEvent\",\"created_at\":\"never\"}");
    lines.add(broken);
    lines.add(array);
    lines.add(noTime);

    Ledger ledger = new Ledger();
    PCollection<GenericRecord> events = p.apply(Create.of(lines).withCoder(RawLine.LineCoder.of()))
        .apply(NormalizeEvents.of(PipelineOptionsFactory.as(FilterOptions.class), ledger));

    PAssert.that(events.apply("EventIds", MapElements.into(TypeDescriptors.strings()).via(Events::id)))
        .containsInAnyOrder(ids);
    PAssert.that(events.apply("Sources", MapElements.into(TypeDescriptors.strings())
            .via((GenericRecord e) -> e.get("source_file").toString())).apply(Distinct.create()))
        .containsInAnyOrder("era-2011-events-api.jsonl", "era-2015-events-api.jsonl");
    PAssert.that(ledger.rejected(p)
            .apply("Reasons", MapElements.into(TypeDescriptors.strings())
                .via((Rejected r) -> r.source() + ":" + r.lineNumber() + ":" + r.reason())))
        .containsInAnyOrder("bad.json:1:INVALID_JSON", "bad.json:2:NOT_AN_EVENT",
            "bad.json:3:BAD_TIMESTAMP");
    PAssert.that(ledger.entries(p)).satisfies(entries -> {
      assertEquals(Map.of("REJECTED/invalid_json", 1L, "REJECTED/not_an_event", 1L,
          "REJECTED/bad_timestamp", 1L), Tallied.byKindAndDetail(entries));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
