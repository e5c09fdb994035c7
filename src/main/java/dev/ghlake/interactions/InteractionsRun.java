package dev.ghlake.interactions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.stage.StagingFolders;
import dev.ghlake.storage.LakeFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Builds the planned days, {@code daysPerJob} at a time: each job commits its days before the
 * next starts, so a run stopped part-way is resumed by the next (it finds those days up to date).
 * Ends with the run's summary, {@code interactions/_runs/<run>/summary.json}.
 */
public final class InteractionsRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InteractionsRun() {}

  /** What a run did. */
  public record Outcome(List<DayVerdict> verdicts, List<String> upToDate) {
    public boolean ok() {
      return verdicts.stream().allMatch(DayVerdict::committed);
    }

    public long eventsRead() {
      return verdicts.stream().mapToLong(DayVerdict::eventsRead).sum();
    }

    public long rows() {
      return verdicts.stream().filter(DayVerdict::committed).mapToLong(DayVerdict::rows).sum();
    }

    public String describe() {
      long committed = verdicts.stream().filter(DayVerdict::committed).count();
      StringBuilder s = new StringBuilder(String.format("%d days committed (%,d events read, %,d rows), "
          + "%d up to date", committed, eventsRead(), rows(), upToDate.size()));
      verdicts.stream().filter(v -> !v.committed())
          .forEach(v -> s.append("\n  refused dt=").append(v.day()).append(": ").append(v.reason()));
      return s.toString();
    }
  }

  public static Outcome run(InteractionsPlan plan, PipelineOptions options, int daysPerJob, PrintStream out)
      throws IOException {
    List<DayVerdict> verdicts = new ArrayList<>();
    List<DayPlan> days = plan.days();
    for (int i = 0; i < days.size(); i += daysPerJob) {
      InteractionsPlan job = plan.only(days.subList(i, Math.min(days.size(), i + daysPerJob)));
      out.printf("ghlake interactions: days %s to %s (%d of %d) ...%n", job.days().get(0).day(),
          job.days().get(job.days().size() - 1).day(), Math.min(days.size(), i + daysPerJob), days.size());
      Pipeline pipeline = Pipeline.create(options);
      InteractionsPipeline.build(pipeline, job);
      String failure = null;
      StagingFolders.create(plan.staging());
      try {
        pipeline.run().waitUntilFinish();
      } catch (Pipeline.PipelineExecutionException e) { // a listed file gone, unreadable: said, and the run stops
        failure = "the job failed: " + (e.getCause() == null ? e : e.getCause());
      } finally {
        StagingFolders.delete(plan.staging());
      }
      for (DayPlan d : job.days()) {
        verdicts.add(failure == null ? verdict(job, d) : new DayVerdict(d.day(), false, 0, 0, failure));
      }
      removeTemporaryFolder(plan);
      if (failure != null) {
        break;
      }
    }
    Outcome outcome = new Outcome(verdicts, plan.upToDate());
    LakeFiles.write(plan.runFolder() + "summary.json", summary(plan, outcome));
    return outcome;
  }

  /** The writer's temporary folder of the run, emptied by the writer (object stores have no folders). */
  private static void removeTemporaryFolder(InteractionsPlan plan) {
    LakeFiles.removeEmptyFolder(plan.temporaryFolder());
    LakeFiles.removeEmptyFolder(plan.tableRoot() + "_tmp");
  }

  /** A day's verdict as its commit recorded it; a day without one was never committed. */
  private static DayVerdict verdict(InteractionsPlan plan, DayPlan day) throws IOException {
    String text = LakeFiles.readIfExists(plan.runFolder() + day.day() + ".json");
    return text != null ? DayVerdict.fromJson(text)
        : new DayVerdict(day.day(), false, 0, 0, "the job read no event of the day");
  }

  private static String summary(InteractionsPlan plan, Outcome o) throws IOException {
    ObjectNode s = JSON.createObjectNode();
    s.put("run_id", plan.runId()).put("ghlake_version", plan.version())
        .put("status", o.ok() ? "success" : "failed")
        .put("events_read", o.eventsRead()).put("rows", o.rows());
    ArrayNode days = s.putArray("days");
    for (DayVerdict v : o.verdicts()) {
      days.add(JSON.readTree(v.toJson()));
    }
    ArrayNode upToDate = s.putArray("up_to_date");
    o.upToDate().forEach(upToDate::add);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s);
  }
}
