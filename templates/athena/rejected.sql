-- ghlake's dead letters (one JSON object a line, gzip) as an Athena / Glue table, one partition
-- per run. Placeholders as in events.sql (scripts/athena-ddl fills them in).
-- The columns are checked against what the pipeline writes by AthenaDdlTest.
CREATE EXTERNAL TABLE IF NOT EXISTS {{DATABASE}}.rejected (
  `source` string,
  `line` bigint,
  `reason` string,
  `error` string,
  `raw` string
)
PARTITIONED BY (`run` string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION '{{LAKE}}/_rejected/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.run.type' = 'injected',
  'storage.location.template' = '{{LAKE}}/_rejected/run=${run}/'
);
