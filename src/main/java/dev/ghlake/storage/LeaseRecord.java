package dev.ghlake.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ghlake.model.ProcessOwner;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one lease object holds ({@code _leases/<key>/<n>.json}): the run, its window, its number,
 * when it was taken and lapses, whether it was released and which process holds it.
 */
record LeaseRecord(String runId, String window, long generation, String acquiredAt, String expiresAt,
    boolean released, ProcessOwner owner) {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseRecord.class);
  // fields in snake case, in the record's order; the owner's isDeadHere() is a question, not a field
  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  /** What an unreadable lease reads as: no run's, no expiry, so dead and replaced. */
  private static final LeaseRecord UNREADABLE = new LeaseRecord(null, null, 0, null, null, false, null);

  LeaseRecord {
    runId = runId == null ? "" : runId;
    window = window == null ? "" : window;
    acquiredAt = acquiredAt == null ? "" : acquiredAt;
    expiresAt = expiresAt == null ? "" : expiresAt;
    owner = owner == null ? new ProcessOwner("", 0, "") : owner;
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a lease of strings and numbers must serialise", e);
    }
  }

  /**
   * A lease as its object holds it; an unreadable one (a lease is created whole, so it is no
   * live run's: a hand edit, a sync tool) reads as a lease without expiry, which is dead and
   * replaced.
   */
  static LeaseRecord parse(String text) {
    try {
      LeaseRecord lease = JSON.readValue(text, LeaseRecord.class);
      return lease == null ? UNREADABLE : lease;
    } catch (JsonProcessingException e) {
      LOG.warn("An unreadable lease in the lake is taken as dead: {}", e.getOriginalMessage());
      return UNREADABLE;
    }
  }

  /**
   * Whether it still holds its key: not released, not expired, and its process not known to be
   * gone; a lease of this process is live only while its run goes on ({@code active}).
   */
  boolean isLive(boolean active) {
    if (released) {
      return false;
    }
    Instant expires = expiry();
    if (expires == null || expires.isBefore(Instant.now())) {
      return false;
    }
    if (owner.equals(ProcessOwner.current())) {
      return active;
    }
    return !owner.isDeadHere();
  }

  /** For the message of a run that stands back: who holds the key, until when. */
  String describe(String key) {
    return "run " + runId + " holds " + key + " (its window " + (window.isEmpty() ? "none" : window)
        + ", lease until " + expiresAt + ", owner " + owner.host() + " pid " + owner.pid() + ")";
  }

  private Instant expiry() {
    try {
      return Instant.parse(expiresAt);
    } catch (DateTimeParseException e) {
      LOG.warn("A lease in the lake has no readable expiry, so it is taken as dead: {}", this);
      return null;
    }
  }
}
