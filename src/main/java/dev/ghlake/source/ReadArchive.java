package dev.ghlake.source;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.model.RawLine;
import dev.ghlake.source.bigquery.BigQueryOptions;
import dev.ghlake.source.bigquery.BigQueryPlan;
import dev.ghlake.source.bigquery.ReadBigQuery;
import dev.ghlake.source.http.DownloadArchiveHours;
import dev.ghlake.source.http.HttpOptions;
import dev.ghlake.source.http.HttpSettings;
import dev.ghlake.source.synthetic.GenerateSyntheticEvents;
import dev.ghlake.source.synthetic.SyntheticPlan;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/** Reads archive lines from the source the options name; its dead letters go to the ledger. */
public class ReadArchive extends PTransform<PBegin, PCollection<RawLine>> {
  private final SourceOptions options;
  private final transient Ledger ledger;

  private ReadArchive(SourceOptions options, Ledger ledger) {
    this.options = options;
    this.ledger = ledger;
  }

  /** Checks the options now, so a bad value fails before anything runs. */
  public static ReadArchive from(SourceOptions options, Ledger ledger) {
    if (options.getSource() == SourceOptions.SourceKind.bigquery) {
      BigQueryPlan.of(options).checkReadable(options);
    }
    if (options.getSource() == SourceOptions.SourceKind.gharchive) {
      if (ArchiveInput.from(options).isHttp()) {
        HttpSettings.of(options.as(HttpOptions.class));
      }
    } else {
      plan(options);
    }
    if (options.getMaxLineMB() < 1) {
      throw new IllegalArgumentException("--maxLineMB must be at least 1");
    }
    return new ReadArchive(options, ledger);
  }

  @Override
  public PCollection<RawLine> expand(PBegin begin) {
    int maxLineBytes = options.getMaxLineMB() * 1024 * 1024;
    if (options.getSource() == SourceOptions.SourceKind.bigquery) {
      return begin.apply("ReadBigQuery", new ReadBigQuery(BigQueryPlan.of(options),
          options.as(BigQueryOptions.class).getBqServicesFactory(), ledger));
    }
    if (options.getSource() == SourceOptions.SourceKind.gharchive) {
      ArchiveInput input = ArchiveInput.from(options);
      if (input.isHttp()) {
        return begin.apply("DownloadArchiveHours", new DownloadArchiveHours(input.hourFiles(),
            input.marginFiles(), HttpSettings.of(options.as(HttpOptions.class)), maxLineBytes, ledger));
      }
      return begin.apply("ReadArchiveFiles", ReadArchiveFiles.of(input, maxLineBytes, ledger));
    }
    return begin.apply("GenerateSyntheticEvents",
        new GenerateSyntheticEvents(plan(options), options.getSyntheticSeed(), ledger));
  }

  private static SyntheticPlan plan(SourceOptions options) {
    return new SyntheticPlan(options.getSyntheticEvents(), options.getSyntheticHours(),
        options.getSyntheticStart());
  }
}
