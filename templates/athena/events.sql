-- ghlake's events as an Athena (engine v3) / Glue table over the lake, partitions projected:
-- no crawler, no MSCK REPAIR, new partitions are visible as soon as ghlake commits them.
-- Fill in the placeholders with scripts/athena-ddl (or by hand):
--   {{DATABASE}}  the Glue database, e.g. ghlake
--   {{LAKE}}      ghlake's --output, e.g. s3://my-lake/gh (no trailing slash)
-- For a lake written with --partitionBy=day, drop the hour partition column and its projection
-- lines, and end the location template at dt=${dt}/.
-- The columns are checked against what the pipeline writes by AthenaDdlTest.
CREATE EXTERNAL TABLE IF NOT EXISTS {{DATABASE}}.events (
  `event_id` string,
  `type` string,
  `created_at` timestamp,
  `actor_id` bigint,
  `actor_login` string,
  `repo_id` bigint,
  `repo_name` string,
  `org_id` bigint,
  `org_login` string,
  `public` boolean,
  `payload` string,
  `action` string,
  `ref` string,
  `ref_type` string,
  `push_id` bigint,
  `push_size` bigint,
  `push_distinct_size` bigint,
  `head_sha` string,
  `number` bigint,
  `issue_id` bigint,
  `pr_merged` boolean,
  `comment_id` bigint,
  `release_tag` string,
  `forkee_repo_id` bigint,
  `forkee_repo_name` string,
  `member_login` string,
  `source_file` string
)
PARTITIONED BY (`dt` string, `hour` string)
STORED AS PARQUET
LOCATION '{{LAKE}}/events/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2011-02-12,NOW',
  'projection.hour.type' = 'integer',
  'projection.hour.range' = '0,23',
  'projection.hour.digits' = '2',
  'storage.location.template' = '{{LAKE}}/events/dt=${dt}/hour=${hour}/'
);
