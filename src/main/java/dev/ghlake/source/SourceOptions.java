package dev.ghlake.source;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where events come from. */
public interface SourceOptions extends PipelineOptions {
  /** The kinds of source ghlake reads. */
  enum SourceKind {
    /** GH Archive's hourly files, from --input. */
    gharchive,
    /** Deterministic generated events with the shapes of the modern Events API. */
    synthetic,
    /** GH Archive's BigQuery tables (githubarchive.day.*), read with BigQueryIO (docs/bigquery.md). */
    bigquery
  }

  @Description("Where events come from: gharchive (GH Archive's hour files under --input), synthetic "
      + "(generated events) or bigquery (GH Archive's BigQuery tables, docs/bigquery.md)")
  @Default.Enum("gharchive")
  SourceKind getSource();

  void setSource(SourceKind value);

  @Description("Archive files: a folder (hours picked by --from/--to, else every *.json.gz in it), "
      + "a glob such as 'dir/*.json.gz' (exactly those files), one file, or a web folder such as "
      + "https://data.gharchive.org/ (with --from/--to)")
  @Default.String("https://data.gharchive.org/")
  String getInput();

  void setInput(String value);

  @Description("First hour to read, UTC: 2024-07-01 or 2024-07-01T08 (default: all in --input)")
  String getFrom();

  void setFrom(String value);

  @Description("End of the window, UTC, exclusive: 2024-07-02 or 2024-07-01T12 "
      + "(default: one day after a day --from, one hour after an hour --from)")
  String getTo();

  void setTo(String value);

  @Description("Hours after a window's end whose files are read too: GH Archive files hold events "
      + "created up to this many hours before the hour they are named for")
  @Default.Integer(6)
  int getLatenessHours();

  void setLatenessHours(int value);

  @Description("Longest archive line accepted, in MiB; a longer line is dead-lettered")
  @Default.Integer(32)
  int getMaxLineMB();

  void setMaxLineMB(int value);

  @Description("Synthetic source: number of events to generate")
  @Default.Long(100_000L)
  long getSyntheticEvents();

  void setSyntheticEvents(long value);

  @Description("Synthetic source: number of hours the events are spread over")
  @Default.Integer(24)
  int getSyntheticHours();

  void setSyntheticHours(int value);

  @Description("Synthetic source: first hour, UTC (2024-07-01 or 2024-07-01T08)")
  @Default.String("2024-07-01")
  String getSyntheticStart();

  void setSyntheticStart(String value);

  @Description("Synthetic source: random seed; the same seed gives the same events")
  @Default.Long(42L)
  long getSyntheticSeed();

  void setSyntheticSeed(long value);
}
