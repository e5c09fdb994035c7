package dev.ghlake.source;

import dev.ghlake.model.RawLine;
import dev.ghlake.model.Rejected;
import java.util.List;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Reads GH Archive's hourly files as lines: either the hours of a window, or a glob's files. */
public class ReadArchiveFiles extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<RawLine> LINES = new TupleTag<>("lines") {};
  public static final TupleTag<Rejected> REJECTED = new TupleTag<>("rejected") {};

  private final ArchiveInput input;

  private ReadArchiveFiles(ArchiveInput input) {
    this.input = input;
  }

  public static ReadArchiveFiles of(ArchiveInput input) {
    return new ReadArchiveFiles(input);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollection<MatchResult.Metadata> files = input.isWindow()
        ? matchHours(begin, input.hourFiles())
        : begin.apply("MatchGlob", FileIO.match().filepattern(input.pattern())
            .withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW));
    PCollectionTuple lines = files
        // one file per element: spread the files over workers before the expensive part
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("OpenFiles", FileIO.readMatches())
        .apply("ReadLines", ParDo.of(new ReadLinesFn(REJECTED))
            .withOutputTags(LINES, TupleTagList.of(REJECTED)));
    lines.get(LINES).setCoder(RawLine.LineCoder.of());
    lines.get(REJECTED).setCoder(Rejected.RejectedCoder.of());
    return lines;
  }

  private static PCollection<MatchResult.Metadata> matchHours(PBegin begin, List<String> paths) {
    return begin
        .apply("HourFiles", Create.of(paths))
        .apply("MatchHours", ParDo.of(new MatchHourFn()));
  }
}
