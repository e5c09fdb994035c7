package dev.ghlake.cli;

import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.storage.RegionLookup;
import dev.ghlake.summary.RunSummary;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * A run's command line: {@code --name=value} options parsed into {@link GhLakeOptions}, with the
 * values Beam would reject in its own words (enums) checked first, so the message names the
 * option and the values it takes. Also the exit status a summary gives.
 */
public final class CommandLine {
  private CommandLine() {}

  /** The options, checked; throws {@link IllegalArgumentException} saying what to change. */
  public static GhLakeOptions options(String... args) {
    return options(List.of(), args);
  }

  /**
   * The options of a command that has options of its own besides a run's (the backfill's), all
   * checked; read them with {@code as(…)}.
   */
  public static GhLakeOptions options(List<Class<? extends PipelineOptions>> commandOptions, String... args) {
    // the default region is looked up beside the parsing, which takes a second or more itself
    RegionLookup region = names(args, "awsRegion") ? null : RegionLookup.start();
    PipelineOptionsFactory.register(GhLakeOptions.class);
    checkEnums(GhLakeOptions.class, args);
    checkNumbers(GhLakeOptions.class, args);
    for (Class<? extends PipelineOptions> type : commandOptions) {
      PipelineOptionsFactory.register(type);
      checkEnums(type, args);
      checkNumbers(type, args);
    }
    OptionNames.check(args); // after every interface is registered, before Beam says it in its words
    GhLakeOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(GhLakeOptions.class);
    DirectRunnerTuning.apply(options, args);
    if (region != null) {
      region.applyTo(options);
    }
    return options;
  }

  /** The days of --from/--to of a command that works by day; either null when not given. */
  public record Days(java.time.LocalDate from, java.time.LocalDate to) {}

  /**
   * --from/--to as days ({@code 2024-07-01}; an hour's day counts), from before to;
   * {@link IllegalArgumentException} naming the option otherwise.
   */
  public static Days days(GhLakeOptions options) {
    java.time.LocalDate from = day("--from", options.getFrom());
    java.time.LocalDate to = day("--to", options.getTo());
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("--from must be before --to (got " + from + " and " + to + ")");
    }
    return new Days(from, to);
  }

  private static java.time.LocalDate day(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(option + " must be a UTC day, e.g. 2024-07-01 (got " + value + ")", e);
    }
  }

  /** Whether the command line sets an option itself ({@code --name=value}, or {@code --name} alone). */
  static boolean names(String[] args, String option) {
    return Arrays.stream(args).anyMatch(a -> a.equals("--" + option) || a.startsWith("--" + option + "="));
  }

  /** The exit status of a run or batch under the options' choices ({@link ExitCode}). */
  public static int exitCode(RunSummary.Status status, String notifyError, GhLakeOptions options) {
    return ExitCode.of(status, notifyError, options.getFailOnIncomplete(),
        options.getFailOnNotifyError()).code();
  }

  /** Every {@code --option=value} whose option is an enum must name one of its constants. */
  static void checkEnums(Class<? extends PipelineOptions> type, String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        continue;
      }
      String name = arg.substring(2, arg.indexOf('='));
      String value = arg.substring(arg.indexOf('=') + 1);
      Class<?> enumType = enumOption(type, name);
      if (enumType != null && Arrays.stream(enumType.getEnumConstants())
          .noneMatch(c -> ((Enum<?>) c).name().equals(value))) {
        throw new IllegalArgumentException("--" + name + "=" + value + " is not one of: "
            + Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", ")));
      }
    }
  }

  /**
   * Every {@code --option=value} whose option is a number must be one, in the option's own words
   * (Beam's are Jackson's: "Cannot deserialize value of type `long`…", without the option).
   */
  static void checkNumbers(Class<? extends PipelineOptions> type, String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        continue;
      }
      String name = arg.substring(2, arg.indexOf('='));
      String value = arg.substring(arg.indexOf('=') + 1).strip();
      Class<?> t = optionType(type, name);
      try {
        if (t == int.class || t == Integer.class) {
          Integer.parseInt(value);
        } else if (t == long.class || t == Long.class) {
          Long.parseLong(value);
        } else if ((t == double.class || t == Double.class) && !Double.isFinite(Double.parseDouble(value))) {
          throw new NumberFormatException(value);
        }
      } catch (NumberFormatException e) {
        boolean whole = t != double.class && t != Double.class;
        throw new IllegalArgumentException("--" + name + "=" + value + " is not " + (whole
            ? "a whole number" + (t == int.class || t == Integer.class ? " up to 2147483647" : "")
            : "a number") + ": give one in the option's range (ghlake help)");
      }
    }
  }

  private static Class<?> optionType(Class<?> type, String name) {
    if (name.isEmpty()) {
      return null;
    }
    String getter = "get" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    for (Method m : type.getMethods()) {
      if (m.getName().equals(getter) && m.getParameterCount() == 0) {
        return m.getReturnType();
      }
    }
    return null;
  }

  private static Class<?> enumOption(Class<?> type, String name) {
    String getter = "get" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    for (Method m : type.getMethods()) {
      if (m.getName().equals(getter) && m.getParameterCount() == 0 && m.getReturnType().isEnum()) {
        return m.getReturnType();
      }
    }
    return null;
  }
}
