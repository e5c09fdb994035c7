package dev.ghlake.source.http;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.accounting.Tallies;
import dev.ghlake.model.RawLine;
import dev.ghlake.model.Rejected;
import java.util.HashSet;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Downloads a window's archive hours over HTTP(S) and reads them as lines. */
public class DownloadArchiveHours extends PTransform<PBegin, PCollection<RawLine>> {
  static final TupleTag<RawLine> LINES = new TupleTag<>("lines") {};
  static final TupleTag<Rejected> REJECTED = new TupleTag<>("rejected") {};

  private final List<String> urls;
  private final List<String> marginUrls;
  private final HttpSettings settings;
  private final int maxLineBytes;
  private final transient Ledger ledger;

  public DownloadArchiveHours(List<String> urls, List<String> marginUrls, HttpSettings settings,
      int maxLineBytes, Ledger ledger) {
    this.urls = urls;
    this.marginUrls = marginUrls;
    this.settings = settings;
    this.maxLineBytes = maxLineBytes;
    this.ledger = ledger;
  }

  @Override
  public PCollection<RawLine> expand(PBegin begin) {
    PCollectionTuple out = begin
        .apply("HourUrls", Create.of(urls).withCoder(StringUtf8Coder.of()))
        .apply("SpreadHours", Reshuffle.viaRandomKey())
        .apply("Download", ParDo.of(new DownloadHourFn(settings, new HashSet<>(marginUrls), maxLineBytes))
            .withOutputTags(LINES, TupleTagList.of(REJECTED).and(Tallies.TAG)));
    ledger.recordRejected(out.get(REJECTED));
    ledger.recordTallies(out.get(Tallies.TAG));
    return out.get(LINES).setCoder(RawLine.LineCoder.of());
  }
}
