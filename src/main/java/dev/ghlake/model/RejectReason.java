package dev.ghlake.model;

/** Why an input line or file did not become an event. Labels appear in counters and summaries. */
public enum RejectReason {
  /** The line is not valid JSON. */
  INVALID_JSON("invalid_json"),
  /** Valid JSON, but not an object with the fields every event has. */
  NOT_AN_EVENT("not_an_event"),
  /** {@code created_at} is missing or cannot be read as a time. */
  BAD_TIMESTAMP("bad_timestamp"),
  /** A field has the wrong JSON type (e.g. {@code actor} is a number). */
  WRONG_FIELD_TYPE("wrong_field_type"),
  /** The line is longer than the reader accepts. */
  LINE_TOO_LONG("line_too_long"),
  /** The file could not be read to its end (e.g. a truncated gzip stream). */
  UNREADABLE_FILE("unreadable_file");

  private final String label;

  RejectReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
