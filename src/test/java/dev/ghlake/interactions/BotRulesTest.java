package dev.ghlake.interactions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.testing.RealData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.Test;

/** The bot rules on the real logins of the shared hours: the bots they catch, the people they spare. */
public class BotRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  public void onTheRealHoursTheRulesFlagTheBotsAndSpareThePeopleWithBotInTheirName() throws IOException {
    TreeMap<String, String> flagged = new TreeMap<>();
    TreeSet<String> withBot = new TreeSet<>();
    for (String login : logins(RealData.hours())) {
      String reason = BotRules.byName(login);
      if (reason != null) {
        flagged.put(login, reason);
      }
      if (login.toLowerCase().contains("bot")) {
        withBot.add(login);
      }
    }
    // '-bot' accounts of 2012-2014 and Homebrew's CI account; nothing else among 13,000 events' logins
    assertEquals(new TreeMap<>(java.util.Map.of("cookbooks-bot", BotRules.NAME, "koideploy-commit-bot",
        BotRules.NAME, "yahoo-bot", BotRules.NAME, "ejdquotes-bot", BotRules.NAME, "BrewTestBot", BotRules.NAME)),
        flagged);
    // a bare %bot% would have taken these, people among them (todbot, ceejbot, shawnbot, RobinHerbots)
    for (String person : List.of("todbot", "ceejbot", "shawnbot", "RobinHerbots", "GeoffAbbott", "sabotai", "botany")) {
      assertEquals(person + " is in the hours", true, withBot.contains(person));
      assertNull(person, BotRules.byName(person));
    }
  }

  @Test
  public void appsAreTheirSuffixAndThePatternsAreDevstatsSafeOnes() {
    assertEquals(BotRules.APP, BotRules.byName("dependabot[bot]"));
    assertEquals(BotRules.APP, BotRules.byName("github-actions[bot]"));
    assertEquals(BotRules.NAME, BotRules.byName("renovate-bot"));
    assertEquals(BotRules.NAME, BotRules.byName("k8s-ci-robot"));
    assertEquals(BotRules.NAME, BotRules.byName("Dependabot-Preview"));
    assertEquals(BotRules.NAME, BotRules.byName("googlebot"));
    assertNull(BotRules.byName("abbot"));
    assertNull(BotRules.byName("bottini")); // devstats: '%-bot%' and 'bot%' catch people
    assertNull(BotRules.byName(null));
  }

  /** Every actor login of the hours: 2011-2012's actor.login, 2013-2014's bare actor string. */
  static Set<String> logins(Path hours) throws IOException {
    Set<String> out = new TreeSet<>();
    try (var files = Files.list(hours)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList()) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            JsonNode actor = JSON.readTree(line).path("actor");
            String login = actor.isTextual() ? actor.asText() : actor.path("login").asText(null);
            if (login != null) {
              out.add(login);
            }
          }
        }
      }
    }
    return out;
  }
}
