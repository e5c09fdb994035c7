package dev.ghlake.transform.normalize;

import static dev.ghlake.transform.normalize.JsonValues.isPresent;
import static dev.ghlake.transform.normalize.JsonValues.text;
import static dev.ghlake.transform.normalize.JsonValues.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ghlake.model.EventSchema;
import dev.ghlake.model.RejectReason;
import org.apache.avro.generic.GenericRecord;

/**
 * Actor, repository and organisation columns, from either shape GH Archive has used.
 *
 * <p>Events API shape (2011–2012, 2015 on): {@code actor{id,login}}, {@code repo{id,name}},
 * {@code org{id,login}}. Timeline shape (2013–2014): {@code actor} is a login string (or null),
 * details in {@code actor_attributes{}}; {@code repository{id,name,owner,organization,url}}.
 */
final class IdentityFields {
  private IdentityFields() {}

  static void fill(JsonNode event, GenericRecord out) throws NormalizationException {
    fillActor(event, out);
    fillRepo(event, out);
    fillOrg(event, out);
  }

  private static void fillActor(JsonNode event, GenericRecord out) throws NormalizationException {
    JsonNode actor = event.get("actor");
    JsonNode attributes = event.get("actor_attributes");
    if (attributes != null && attributes.isObject()) {
      out.put(EventSchema.ACTOR_ID, whole(attributes, "id"));
      String login = text(attributes, "login");
      out.put(EventSchema.ACTOR_LOGIN, login != null ? login : textOrNull(actor));
    } else if (actor != null && actor.isTextual()) {
      out.put(EventSchema.ACTOR_LOGIN, actor.textValue());
    } else if (actor != null && actor.isObject()) {
      out.put(EventSchema.ACTOR_ID, whole(actor, "id"));
      out.put(EventSchema.ACTOR_LOGIN, text(actor, "login"));
    } else if (isPresent(actor)) {
      throw wrongType("actor", actor);
    }
  }

  private static void fillRepo(JsonNode event, GenericRecord out) throws NormalizationException {
    JsonNode repository = event.get("repository");
    JsonNode repo = repository != null ? repository : event.get("repo");
    String field = repository != null ? "repository" : "repo";
    if (repo == null || repo.isNull()) {
      return;
    }
    if (!repo.isObject()) {
      throw wrongType(field, repo);
    }
    out.put(EventSchema.REPO_ID, whole(repo, "id"));
    out.put(EventSchema.REPO_NAME, RepoNames.fullName(repo));
  }

  private static void fillOrg(JsonNode event, GenericRecord out) throws NormalizationException {
    JsonNode repository = event.get("repository");
    if (repository != null && repository.isObject() && repository.has("organization")) {
      out.put(EventSchema.ORG_LOGIN, text(repository, "organization"));
      return;
    }
    JsonNode org = event.get("org");
    if (org != null && org.isObject()) {
      out.put(EventSchema.ORG_ID, whole(org, "id"));
      out.put(EventSchema.ORG_LOGIN, text(org, "login"));
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
