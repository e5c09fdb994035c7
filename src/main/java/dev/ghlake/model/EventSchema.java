package dev.ghlake.model;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The one output schema every era of GH Archive is normalised into (docs/lake.md, "Schema").
 *
 * <p>Core columns first, then typed columns shaped from the payload. Everything but {@code
 * event_id}, {@code type} and {@code created_at} is nullable: null means the source had no value.
 */
public final class EventSchema {
  public static final String EVENT_ID = "event_id";
  public static final String TYPE = "type";
  public static final String CREATED_AT = "created_at";
  public static final String ACTOR_ID = "actor_id";
  public static final String ACTOR_LOGIN = "actor_login";
  public static final String REPO_ID = "repo_id";
  public static final String REPO_NAME = "repo_name";
  public static final String ORG_ID = "org_id";
  public static final String ORG_LOGIN = "org_login";
  public static final String PUBLIC = "public";
  public static final String PAYLOAD = "payload";
  public static final String ACTION = "action";
  public static final String REF = "ref";
  public static final String REF_TYPE = "ref_type";
  public static final String PUSH_ID = "push_id";
  public static final String PUSH_SIZE = "push_size";
  public static final String PUSH_DISTINCT_SIZE = "push_distinct_size";
  public static final String HEAD_SHA = "head_sha";
  public static final String NUMBER = "number";
  public static final String ISSUE_ID = "issue_id";
  public static final String PR_MERGED = "pr_merged";
  public static final String COMMENT_ID = "comment_id";
  public static final String RELEASE_TAG = "release_tag";
  public static final String FORKEE_REPO_ID = "forkee_repo_id";
  public static final String FORKEE_REPO_NAME = "forkee_repo_name";
  public static final String MEMBER_LOGIN = "member_login";
  public static final String SOURCE_FILE = "source_file";

  public static final Schema SCHEMA = build();

  private EventSchema() {}

  /**
   * The field id of the column at this position of {@link #SCHEMA} (from 0): the position plus
   * one, in every data file's Parquet schema and in the lake's Iceberg table alike, so that an
   * Iceberg reader resolves the files' columns by id, as Iceberg's own files are read, with no
   * need of the table's name mapping (which files written before ids still use).
   */
  public static int fieldId(int position) {
    return position + 1;
  }

  private static Schema build() {
    Schema micros = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    return SchemaBuilder.record("GhEvent")
        .namespace("dev.ghlake")
        .doc("A GH Archive event, normalised by ghlake")
        .fields()
        .requiredString(EVENT_ID)
        .requiredString(TYPE)
        .name(CREATED_AT).type(micros).noDefault()
        .optionalLong(ACTOR_ID)
        .optionalString(ACTOR_LOGIN)
        .optionalLong(REPO_ID)
        .optionalString(REPO_NAME)
        .optionalLong(ORG_ID)
        .optionalString(ORG_LOGIN)
        .optionalBoolean(PUBLIC)
        .optionalString(PAYLOAD)
        .optionalString(ACTION)
        .optionalString(REF)
        .optionalString(REF_TYPE)
        .optionalLong(PUSH_ID)
        .optionalLong(PUSH_SIZE)
        .optionalLong(PUSH_DISTINCT_SIZE)
        .optionalString(HEAD_SHA)
        .optionalLong(NUMBER)
        .optionalLong(ISSUE_ID)
        .optionalBoolean(PR_MERGED)
        .optionalLong(COMMENT_ID)
        .optionalString(RELEASE_TAG)
        .optionalLong(FORKEE_REPO_ID)
        .optionalString(FORKEE_REPO_NAME)
        .optionalString(MEMBER_LOGIN)
        .optionalString(SOURCE_FILE)
        .endRecord();
  }
}
