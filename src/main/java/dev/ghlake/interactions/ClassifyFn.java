package dev.ghlake.interactions;

import dev.ghlake.model.EventSchema;
import dev.ghlake.stage.StagedChunk;
import dev.ghlake.stage.StagedRecords;
import dev.ghlake.stage.StagingWriter;
import dev.ghlake.storage.ReadableParquetFile;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * A file of the lake's events, read row by row (only {@link ReadLakeInteractions#COLUMNS}), each
 * event to its interaction, keyed by (day, actor id, repository id, kind) and staged by (day,
 * bucket of the actor id): out come the staging files' references, never the activities
 * ({@link #CHUNKS}). Every event read is counted under exactly one heading per day
 * ({@link #COUNTS}), so the commit can check that what was read is what the day's manifests hold.
 *
 * <p>Activities are summed per key before they are staged (a runner's combiner lifting, done
 * here because the DirectRunner does none): a modern hour's pushes repeat the same actor and
 * repository many times. At most {@link #HELD} keys are held; past that they are staged.
 */
class ClassifyFn extends DoFn<FileIO.ReadableFile, StagedChunk> {
  static final TupleTag<StagedChunk> CHUNKS = new TupleTag<>() {};
  static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>() {};
  static final KvCoder<PairKey, PairActivity> ACTIVITY = KvCoder.of(PairKey.coder(), PairActivity.coder());

  /** The headings: each event read is under one of them. */
  static final String INTERACTION = "interaction";
  static final String NOT_INTERACTION = "not_interaction";
  static final String MERGE_UNKNOWN = "merge_unknown";
  static final String NO_ACTOR_ID = "no_actor_id";
  static final String NO_REPO_ID = "no_repo_id";
  static final java.util.Set<String> HEADINGS =
      java.util.Set.of(INTERACTION, NOT_INTERACTION, MERGE_UNKNOWN, NO_ACTOR_ID, NO_REPO_ID);

  /** Keys held before they are staged: about 10 MiB of them. */
  static final int HELD = 50_000;

  private final String staging;
  private transient Map<String, Long> counts;
  private transient Map<PairKey, PairActivity> held;
  private transient StagedRecords.Appender<KV<PairKey, PairActivity>> staged;
  /** The day of the last event and its bounds: a file's events are mostly of one day, so its name is made once. */
  private transient String day;
  private transient long dayStart;
  private transient long dayEnd;

  ClassifyFn(String staging) {
    this.staging = staging;
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) throws IOException {
    counts = new HashMap<>();
    held = new HashMap<>();
    try (StagingWriter writer = new StagingWriter(staging);
        ParquetReader<GenericRecord> events = ReadableParquetFile.records(file, ReadLakeInteractions.COLUMNS)) {
      staged = new StagedRecords.Appender<>(writer, ACTIVITY);
      for (GenericRecord e = events.read(); e != null; e = events.read()) {
        classify(e);
      }
      stageHeld();
      writer.finish().forEach(c -> out.get(CHUNKS).output(c));
    }
    counts.forEach((k, n) -> out.get(COUNTS).output(KV.of(k, n)));
  }

  private void classify(GenericRecord e) throws IOException {
    long micros = (Long) e.get(EventSchema.CREATED_AT);
    String day = dayOf(micros);
    String type = e.get(EventSchema.TYPE).toString();
    String action = text(e.get(EventSchema.ACTION));
    Boolean merged = (Boolean) e.get(EventSchema.PR_MERGED);
    InteractionKind kind = Classification.kindOf(type, action, merged);
    if (kind == null) {
      count(day, Classification.mergeUnknown(type, action, merged) ? MERGE_UNKNOWN : NOT_INTERACTION);
      return;
    }
    Long actor = (Long) e.get(EventSchema.ACTOR_ID);
    Long repo = (Long) e.get(EventSchema.REPO_ID);
    if (actor == null || repo == null) { // keys are ids: 2012-2014's timeline events have no actor id
      count(day, actor == null ? NO_ACTOR_ID : NO_REPO_ID);
      return;
    }
    count(day, INTERACTION);
    held.merge(new PairKey(day, actor, repo, kind), new PairActivity(1, micros, micros,
        text(e.get(EventSchema.ACTOR_LOGIN)), text(e.get(EventSchema.REPO_NAME))), PairActivity::plus);
    if (held.size() >= HELD) {
      stageHeld();
    }
  }

  private void stageHeld() throws IOException {
    for (Map.Entry<PairKey, PairActivity> a : held.entrySet()) {
      staged.append(a.getKey().day(), BuildRows.bucketOf(a.getKey()), KV.of(a.getKey(), a.getValue()));
    }
    held.clear();
  }

  private String dayOf(long micros) {
    if (day == null || micros < dayStart || micros >= dayEnd) {
      LocalDate d = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(ZoneOffset.UTC).toLocalDate();
      day = d.toString();
      dayStart = d.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
      dayEnd = dayStart + 86_400_000_000L;
    }
    return day;
  }

  private void count(String day, String heading) {
    counts.merge(DayCounts.key(day, heading), 1L, Long::sum);
  }

  private static String text(Object avro) {
    return avro == null ? null : avro.toString();
  }
}
