package dev.ghlake.transform.normalize;

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
    SmallObject actor = f.actor;
    SmallObject attributes = f.actorAttributes;
    if (attributes.kind == SmallObject.Kind.OBJECT) {
      f.actorId = attributes.id;
      f.actorLogin = attributes.login != null ? attributes.login
          : actor.kind == SmallObject.Kind.TEXT ? actor.text : null;
    } else if (actor.kind == SmallObject.Kind.TEXT) {
      f.actorLogin = actor.text;
    } else if (actor.kind == SmallObject.Kind.OBJECT) {
      f.actorId = actor.id;
      f.actorLogin = actor.login;
    } else if (actor.isPresent()) {
      throw wrongType("actor", actor);
    }
  }

  private static void fillRepo(EventFields f) throws NormalizationException {
    boolean timeline = f.repository.kind != SmallObject.Kind.ABSENT;
    SmallObject repo = timeline ? f.repository : f.repo;
    if (!repo.isPresent()) {
      return;
    }
    if (repo.kind != SmallObject.Kind.OBJECT) {
      throw wrongType(timeline ? "repository" : "repo", repo);
    }
    f.repoId = repo.id;
    f.repoName = RepoNames.fullName(repo.name, repo.owner, repo.url);
    if (f.repoName == null && "/".equals(repo.name)) {
      f.repoName = RepoNames.ownerSlashName(JsonValues.text(f.payload(), "repo"));
    }
  }

  private static void fillOrg(EventFields f) throws NormalizationException {
    SmallObject repository = f.repository;
    if (repository.kind == SmallObject.Kind.OBJECT && repository.hasOrganization) {
      f.orgLogin = repository.organization;
      return;
    }
    SmallObject org = f.org;
    if (org.kind == SmallObject.Kind.OBJECT) {
      f.orgId = org.id;
      f.orgLogin = org.login;
    } else if (org.isPresent()) {
      throw wrongType("org", org);
    }
  }

  private static NormalizationException wrongType(String field, SmallObject value) {
    return new NormalizationException(
        RejectReason.WRONG_FIELD_TYPE, "'" + field + "' is a " + value.typeName + ", not an object");
  }
}
