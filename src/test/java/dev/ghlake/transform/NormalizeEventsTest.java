package dev.ghlake.transform;

import static org.junit.Assert.assertEquals;

import dev.ghlake.model.Accounting;
import dev.ghlake.model.RawLine;
import dev.ghlake.model.RejectReason;
import dev.ghlake.model.Rejected;
import dev.ghlake.run.RunCounts;
import dev.ghlake.testing.Events;
import dev.ghlake.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
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

    PCollectionTuple out = p.apply(Create.of(lines).withCoder(RawLine.LineCoder.of()))
        .apply(NormalizeEvents.scrubbingEmails(true));

    PAssert.that(out.get(NormalizeEvents.EVENTS)
            .apply("EventIds", MapElements.into(TypeDescriptors.strings()).via(Events::id)))
        .containsInAnyOrder(ids);
    PAssert.that(out.get(NormalizeEvents.REJECTED)
            .apply("Reasons", MapElements.into(TypeDescriptors.strings())
                .via((Rejected r) -> r.source() + ":" + r.lineNumber() + ":" + r.reason())))
        .containsInAnyOrder("bad.json:1:INVALID_JSON", "bad.json:2:NOT_AN_EVENT",
            "bad.json:3:BAD_TIMESTAMP");
    PipelineResult result = p.run();
    result.waitUntilFinish();

    RunCounts counts = RunCounts.of(result.metrics(), true);
    assertEquals(ids.size(), counts.get(Accounting.NORMALIZED));
    assertEquals(1, counts.get(Accounting.REJECTED_PREFIX + RejectReason.INVALID_JSON.label()));
    assertEquals(1, counts.get(Accounting.REJECTED_PREFIX + RejectReason.NOT_AN_EVENT.label()));
    assertEquals(1, counts.get(Accounting.REJECTED_PREFIX + RejectReason.BAD_TIMESTAMP.label()));
  }
}
