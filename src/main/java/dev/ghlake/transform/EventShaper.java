package dev.ghlake.transform;

import dev.ghlake.model.EventRow;
import dev.ghlake.model.RejectReason;
import dev.ghlake.transform.normalize.EventFields;
import dev.ghlake.transform.normalize.EventNormalizer;
import dev.ghlake.transform.normalize.NormalizationException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Decides the fate of one archive line, cheapest question first: is it an event (one streaming
 * pass, no payload tree), is it inside the run's windows, do the filters keep it (type,
 * repository, org, actor). Only then is the payload parsed, scrubbed and re-serialised into a
 * row. The reasons are the ones a full parse would give: the pass checks everything a line can
 * be rejected for.
 */
public final class EventShaper implements Serializable {
  /** Where a line ends up. */
  public enum Fate {
    ROW,
    REJECTED,
    OUTSIDE_WINDOW,
    FILTERED
  }

  private final long[] windowStarts;
  private final long[] windowEnds;
  private final EventFilter filter;
  private final boolean scrubEmails;
  private transient EventNormalizer normalizer;

  /**
   * @param windowStarts the windows' starts in UTC microseconds (none: every time is inside)
   * @param windowEnds their ends, exclusive
   */
  public EventShaper(long[] windowStarts, long[] windowEnds, EventFilter filter, boolean scrubEmails) {
    this.windowStarts = windowStarts.clone();
    this.windowEnds = windowEnds.clone();
    this.filter = filter;
    this.scrubEmails = scrubEmails;
  }

  /** Shapes a line into {@code out} (reused from line to line, so nothing is allocated for it). */
  public Shaped shape(byte[] bytes, int length, Shaped out) {
    out.clear();
    EventFields fields;
    try {
      fields = scan(bytes, length, out);
      out.createdAt = fields.createdAt();
      if (!inWindow(out.createdAt)) {
        out.fate = Fate.OUTSIDE_WINDOW;
        return out;
      }
      out.filtered = filter.reasonToDrop(fields);
      if (out.filtered != null) {
        out.fate = Fate.FILTERED;
        return out;
      }
      normalizer().row(fields, out.row);
      out.fate = Fate.ROW;
    } catch (NormalizationException e) {
      out.fate = Fate.REJECTED;
      out.reason = e.reason();
      out.error = e.getMessage();
    }
    return out;
  }

  /** Bytes that are not UTF-8 are read as U+FFFD, and the line is kept (and flagged). */
  private static EventFields scan(byte[] bytes, int length, Shaped out) throws NormalizationException {
    try {
      return EventFields.scan(bytes, length);
    } catch (NormalizationException e) {
      if (e.reason() != RejectReason.INVALID_JSON || e.getMessage() == null
          || !e.getMessage().startsWith("Invalid UTF-8")) {
        throw e;
      }
      byte[] repaired = new String(bytes, 0, length, StandardCharsets.UTF_8)
          .getBytes(StandardCharsets.UTF_8);
      out.repaired = true;
      return EventFields.scan(repaired, repaired.length);
    }
  }

  private boolean inWindow(long micros) {
    if (windowStarts.length == 0) {
      return true;
    }
    for (int i = 0; i < windowStarts.length; i++) {
      if (micros >= windowStarts[i] && micros < windowEnds[i]) {
        return true;
      }
    }
    return false;
  }

  private EventNormalizer normalizer() {
    if (normalizer == null) {
      normalizer = new EventNormalizer(scrubEmails);
    }
    return normalizer;
  }

  /** What became of a line; one instance is reused line after line. */
  public static final class Shaped {
    public Fate fate;
    /** Set when {@link Fate#REJECTED}. */
    public RejectReason reason;
    public String error;
    /** Set when {@link Fate#FILTERED}. */
    public FilterReason filtered;
    /** UTC microseconds; set unless rejected. */
    public long createdAt;
    /** Filled when {@link Fate#ROW}; one row, reused. */
    public final EventRow row = new EventRow();
    /** Whether bytes that are not UTF-8 were replaced. */
    public boolean repaired;

    void clear() {
      fate = null;
      reason = null;
      error = null;
      filtered = null;
      repaired = false;
    }
  }
}
