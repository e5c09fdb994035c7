package dev.ghlake.transform.normalize;

import static dev.ghlake.transform.normalize.JsonValues.isPresent;
import static dev.ghlake.transform.normalize.JsonValues.text;
import static dev.ghlake.transform.normalize.JsonValues.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ghlake.model.RejectReason;

/**
 * Actor, repository and organisation values, from either shape GH Archive has used.
 *
 * <p>Events API shape (2011–2012, 2015 on): {@code actor{id,login}}, {@code repo{id,name}},
 * {@code org{id,login}}. Timeline shape (2013–2014): {@code actor} is a login string (or null),
 * details in {@code actor_attributes{}}; {@code repository{id,name,owner,organization,url}}.
 * The 2011–2012 "no repository" placeholder ({@code "name": "/"}) often comes with the real
 * {@code owner/name} in {@code payload.repo}: that is used where present.
 */
final class IdentityFields {
  private IdentityFields() {}

  static void fill(EventFields f) throws NormalizationException {
    fillActor(f);
    fillRepo(f);
    fillOrg(f);
  }

  private static void fillActor(EventFields f) throws NormalizationException {
    JsonNode actor = f.actor;
    JsonNode attributes = f.actorAttributes;
    if (attributes != null && attributes.isObject()) {
      f.actorId = whole(attributes, "id");
      String login = text(attributes, "login");
      f.actorLogin = login != null ? login : textOrNull(actor);
    } else if (actor != null && actor.isTextual()) {
      f.actorLogin = actor.textValue();
    } else if (actor != null && actor.isObject()) {
      f.actorId = whole(actor, "id");
      f.actorLogin = text(actor, "login");
    } else if (isPresent(actor)) {
      throw wrongType("actor", actor);
    }
  }

  private static void fillRepo(EventFields f) throws NormalizationException {
    JsonNode repo = f.repository != null ? f.repository : f.repo;
    String field = f.repository != null ? "repository" : "repo";
    if (repo == null || repo.isNull()) {
      return;
    }
    if (!repo.isObject()) {
      throw wrongType(field, repo);
    }
    f.repoId = whole(repo, "id");
    f.repoName = RepoNames.fullName(repo);
    if (f.repoName == null && RepoNames.isPlaceholder(repo)) {
      f.repoName = RepoNames.ownerSlashName(text(f.payload(), "repo"));
    }
  }

  private static void fillOrg(EventFields f) throws NormalizationException {
    JsonNode repository = f.repository;
    if (repository != null && repository.isObject() && repository.has("organization")) {
      f.orgLogin = text(repository, "organization");
      return;
    }
    JsonNode org = f.org;
    if (org != null && org.isObject()) {
      f.orgId = whole(org, "id");
      f.orgLogin = text(org, "login");
    } else if (isPresent(org)) {
      throw wrongType("org", org);
    }
  }

  private static String textOrNull(JsonNode n) {
    return n != null && n.isTextual() ? n.textValue() : null;
  }

  private static NormalizationException wrongType(String field, JsonNode value) {
    return new NormalizationException(
        RejectReason.WRONG_FIELD_TYPE,
        "'" + field + "' is a " + value.getNodeType().name().toLowerCase() + ", not an object");
  }
}
