package dev.ghlake.transform;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Which events to keep, and how to shape them. */
public interface FilterOptions extends PipelineOptions {
  @Description("Event types to keep, comma-separated (default: all), e.g. PushEvent,WatchEvent")
  List<String> getTypes();

  void setTypes(List<String> value);

  @Description("Accept --types/--excludeTypes names that GH Archive has never carried (a type GitHub "
      + "added later); by default such a name is refused as a typo")
  @Default.Boolean(false)
  boolean getAllowUnknownTypes();

  void setAllowUnknownTypes(boolean value);

  @Description("Event types to drop, comma-separated (default: none)")
  List<String> getExcludeTypes();

  void setExcludeTypes(List<String> value);

  @Description("Repositories to keep, comma-separated globs on owner/name, e.g. apache/* "
      + "(default: all; case-insensitive)")
  List<String> getRepos();

  void setRepos(List<String> value);

  @Description("Repositories to drop, comma-separated globs on owner/name (default: none)")
  List<String> getExcludeRepos();

  void setExcludeRepos(List<String> value);

  @Description("Organisations to keep, comma-separated globs; an event without an org matches "
      + "on its repository's owner (default: all)")
  List<String> getOrgs();

  void setOrgs(List<String> value);

  @Description("Organisations to drop, comma-separated globs (default: none)")
  List<String> getExcludeOrgs();

  void setExcludeOrgs(List<String> value);

  @Description("Drop events whose actor login ends in [bot]")
  @Default.Boolean(false)
  boolean getExcludeBots();

  void setExcludeBots(boolean value);

  @Description("Scrub commit author emails in payloads the way GH Archive does "
      + "(SHA-1 of the local part, domain kept)")
  @Default.Boolean(true)
  boolean getScrubEmails();

  void setScrubEmails(boolean value);
}
