package dev.ghlake.run;

/** The limits a run is judged by (RunJudge). */
public record RunLimits(double maxRejectedRatio, boolean failOnMissing) {}
