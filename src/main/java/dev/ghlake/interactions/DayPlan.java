package dev.ghlake.interactions;

import java.io.Serializable;
import java.util.List;

/**
 * One day of the table to build: the events files its manifests list (committed data only, never
 * a glob of the folder, so a run's half-written files are never read), how many events they
 * hold, and which runs wrote them (a day is up to date while these stay the same).
 *
 * @param sourceComplete whether every events manifest of the day says complete
 */
public record DayPlan(String day, List<String> files, long events, List<String> sourceRuns,
    boolean sourceComplete) implements Serializable {}
