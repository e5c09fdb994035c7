package dev.ghlake.report;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One partition as its manifest states it: what the report draws for it.
 *
 * @param start the partition's first hour (UTC)
 * @param hours 24 for a day partition, 1 for an hour partition
 * @param complete every hour of it read whole
 * @param missingHours hours whose archive file GH Archive does not have ({@code 2024-07-01T05})
 * @param gaps why it is incomplete, in the commit's words
 * @param byType events written by type
 * @param keys per watched type ({@code PushEvent payload}), each key's events and the type's events
 */
public record PartitionState(String partition, LocalDateTime start, int hours, boolean complete,
    long written, String runId, List<String> missingHours, List<String> gaps,
    Map<String, Long> byType, Map<String, KeyCounts> keys, List<Finding> findings) {

  /** How many events of a type hold each key of one of its objects. */
  public record KeyCounts(long events, Map<String, Long> byKey) {}

  /** A drift finding of the partition. */
  public record Finding(String partition, String level, String measure, String baseline, String now) {}
}
