package dev.ghlake.model;

/** Partition granularity of the lake: by the event's UTC hour or day. */
public enum PartitionBy {
  hour,
  day
}
