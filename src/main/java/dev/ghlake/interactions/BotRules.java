package dev.ghlake.interactions;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which logins are bots, by name. Flagged, never dropped: the export leaves them out by default,
 * the table keeps them with the reason.
 *
 * <p>The rules are cncf/devstats' audited ones (BOTS.md, the 2026-09 review against every login
 * of its databases): a pattern is used only where the humans it catches are negligible. So no
 * bare {@code %bot}: it catches people (on the 2012-02-15 hour alone {@code todbot},
 * {@code ceejbot} and {@code shawnbot} are people, and {@code %bot%} adds {@code RobinHerbots},
 * {@code GeoffAbbott}, {@code sabotai}). Bots with a plain name are caught by their volume
 * instead ({@link #VOLUME}).
 */
public final class BotRules {
  /** A GitHub App's account: GitHub itself suffixes their logins with {@code [bot]}. */
  public static final String APP = "app";
  /** A login matching one of the audited bot patterns, or a known bot's exact login. */
  public static final String NAME = "name";
  /** More interactions in one day than the threshold (an import, a script, a mirror). */
  public static final String VOLUME = "volume";

  /** Exact logins of bots the patterns miss (devstats' list; Homebrew's CI account). */
  private static final Set<String> EXACT = Set.of("googlebot", "brewtestbot", "copilot", "claude", "codex");

  /** devstats' "verified safe wildcards" that concern bots (SQL LIKE, on the lower-case login). */
  private static final List<String> LIKE = List.of("%-bot", "%bot-%", "%-robot", "%buildbot%",
      "%autobot", "%ci%bot", "%cla%bot%", "travis%bot", "prom%bot", "dependabot%", "renovate%",
      "codecov%", "coderabbit%", "copilot%", "imgbot%", "mergify%", "snyk%", "github-action%",
      "k8s-%", "% bot");

  private static final Pattern PATTERNS = Pattern.compile(String.join("|",
      LIKE.stream().map(BotRules::regex).toList()));

  private BotRules() {}

  /** Why a login is a bot by its name: {@link #APP}, {@link #NAME}, or null when it is not. */
  public static String byName(String login) {
    if (login == null) {
      return null;
    }
    String l = login.toLowerCase(Locale.ROOT);
    if (l.endsWith("[bot]")) {
      return APP;
    }
    return EXACT.contains(l) || PATTERNS.matcher(l).matches() ? NAME : null;
  }

  /** A LIKE pattern as a regular expression: {@code %} any run, {@code _} one character. */
  private static String regex(String like) {
    StringBuilder out = new StringBuilder("(?:");
    for (char c : like.toCharArray()) {
      out.append(switch (c) {
        case '%' -> ".*";
        case '_' -> ".";
        default -> Pattern.quote(String.valueOf(c));
      });
    }
    return out.append(')').toString();
  }
}
