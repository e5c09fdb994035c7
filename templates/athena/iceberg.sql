-- ghlake's Iceberg table in Athena (engine v3). There is no CREATE TABLE here: Athena reads
-- Iceberg tables registered in the AWS Glue Data Catalog, and a run with
--   --table=iceberg --icebergCatalog=glue --icebergTable={{DATABASE}}.events
-- (or the Lambda template's GlueDatabase parameter) creates the Glue database and table on its
-- first load and commits every load as one snapshot (docs/iceberg.md). Athena's CREATE TABLE
-- ... TBLPROPERTIES ('table_type'='ICEBERG') would make a new, empty table instead.
--
-- ghlake is the table's only writer: do not INSERT, DELETE, MERGE, OPTIMIZE or VACUUM it from
-- Athena (ghlake's next commit makes each partition it loads match the lake's manifests again,
-- and VACUUM's orphan-file removal is for files under the table's location, where ghlake keeps
-- metadata only). Expire old snapshots with `ghlake table expire`.
--
-- Types as Athena shows them: created_at is timestamp(6) with time zone, dt and hour strings
-- ('2024-07-01', '00'), as in the Hive table of events.sql over the same files.

-- the events of a day, by type: Athena prunes to that day's partitions
SELECT type, count(*) AS events
FROM {{DATABASE}}.events
WHERE dt = '2024-07-01'
GROUP BY type
ORDER BY events DESC;

-- what each ghlake run committed: one snapshot per run, its summary (files and rows added and
-- removed)
SELECT committed_at, snapshot_id, operation, summary
FROM "{{DATABASE}}"."events$snapshots"
ORDER BY committed_at DESC
LIMIT 20;

-- rows and files per partition of the current snapshot
SELECT partition, record_count, file_count
FROM "{{DATABASE}}"."events$partitions"
ORDER BY partition;
