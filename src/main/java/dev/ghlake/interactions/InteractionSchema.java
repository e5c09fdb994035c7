package dev.ghlake.interactions;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The interactions table's columns (docs/interactions.md). One row per (day, actor, repository,
 * kind); the day is the partition ({@code interactions/dt=YYYY-MM-DD/}).
 */
public final class InteractionSchema {
  public static final String ACTOR_ID = "actor_id";
  public static final String REPO_ID = "repo_id";
  public static final String KIND = "kind";
  public static final String EVENTS = "events";
  public static final String FIRST_AT = "first_at";
  public static final String LAST_AT = "last_at";
  public static final String ACTOR_LOGIN = "actor_login";
  public static final String REPO_NAME = "repo_name";
  public static final String BOT = "bot";
  public static final String BOT_REASON = "bot_reason";
  public static final String OWN_REPO = "own_repo";

  public static final Schema SCHEMA = build();

  private InteractionSchema() {}

  private static Schema build() {
    Schema micros = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    return SchemaBuilder.record("GhInteraction").namespace("dev.ghlake")
        .doc("An actor's interactions of one kind with one repository on one day, by ghlake")
        .fields()
        .requiredLong(ACTOR_ID)
        .requiredLong(REPO_ID)
        .requiredString(KIND)
        .requiredLong(EVENTS)
        .name(FIRST_AT).type(micros).noDefault()
        .name(LAST_AT).type(micros).noDefault()
        .optionalString(ACTOR_LOGIN)
        .optionalString(REPO_NAME)
        .requiredBoolean(BOT)
        .optionalString(BOT_REASON)
        .requiredBoolean(OWN_REPO)
        .endRecord();
  }
}
