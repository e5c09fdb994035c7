package dev.ghlake.source;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.accounting.Tallies;
import dev.ghlake.model.RawLine;
import dev.ghlake.model.Rejected;
import java.util.HashSet;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
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
public class ReadArchiveFiles extends PTransform<PBegin, PCollection<RawLine>> {
  static final TupleTag<RawLine> LINES = new TupleTag<>("lines") {};
  static final TupleTag<Rejected> REJECTED = new TupleTag<>("rejected") {};
  static final TupleTag<MatchResult.Metadata> FILES = new TupleTag<>("files") {};

  private final ArchiveInput input;
  private final int maxLineBytes;
  private final transient Ledger ledger;

  private ReadArchiveFiles(ArchiveInput input, int maxLineBytes, Ledger ledger) {
    this.input = input;
    this.maxLineBytes = maxLineBytes;
    this.ledger = ledger;
  }

  public static ReadArchiveFiles of(ArchiveInput input, int maxLineBytes, Ledger ledger) {
    return new ReadArchiveFiles(input, maxLineBytes, ledger);
  }

  @Override
  public PCollection<RawLine> expand(PBegin begin) {
    PCollection<MatchResult.Metadata> files = input.isWindow()
        ? matchHours(begin)
        : begin.apply("MatchGlob", FileIO.match().filepattern(input.pattern())
            .withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW));
    PCollectionTuple lines = files
        // one file per element: spread the files over workers before the expensive part
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("OpenFiles", FileIO.readMatches())
        .apply("ReadLines", ParDo.of(new ReadLinesFn(maxLineBytes))
            .withOutputTags(LINES, TupleTagList.of(REJECTED).and(Tallies.TAG)));
    ledger.recordRejected(lines.get(REJECTED));
    ledger.recordTallies(lines.get(Tallies.TAG));
    return lines.get(LINES).setCoder(RawLine.LineCoder.of());
  }

  private PCollection<MatchResult.Metadata> matchHours(PBegin begin) {
    PCollectionTuple matched = begin
        .apply("HourFiles", Create.of(input.hourFiles()).withCoder(StringUtf8Coder.of()))
        .apply("MatchHours", ParDo.of(new MatchHourFn(new HashSet<>(input.marginFiles())))
            .withOutputTags(FILES, TupleTagList.of(Tallies.TAG)));
    ledger.recordTallies(matched.get(Tallies.TAG));
    return matched.get(FILES).setCoder(
        MetadataCoderV2.of());
  }
}
