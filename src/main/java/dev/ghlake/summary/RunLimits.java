package dev.ghlake.summary;

/** The limits a run is judged by (RunJudge). */
public record RunLimits(double maxRejectedRatio, boolean failOnMissing) {}
