#!/usr/bin/env python3
"""Read a ghlake lake on S3 with boto3: list its partitions from their manifests, and optionally
download the Parquet files a manifest lists (then read them with DuckDB, pandas or pyarrow).

  scripts/read-lake.py s3://bucket/prefix [--endpoint http://127.0.0.1:9000] [--download DIR]

Credentials and region come from the usual AWS configuration (environment, ~/.aws). For an
S3-compatible endpoint, addressing is path-style.
"""
import argparse
import json
import os
import sys

import boto3
from botocore.config import Config


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("lake", help="s3://bucket/prefix of the lake (its --output)")
    p.add_argument("--endpoint", help="an S3-compatible endpoint, e.g. http://127.0.0.1:9000")
    p.add_argument("--download", metavar="DIR", help="download the listed Parquet files here")
    args = p.parse_args()
    if not args.lake.startswith("s3://"):
        sys.exit("read-lake: give the lake as s3://bucket/prefix")
    bucket, _, prefix = args.lake[5:].partition("/")
    prefix = prefix.rstrip("/") + "/events/" if prefix else "events/"
    config = Config(s3={"addressing_style": "path"}) if args.endpoint else None
    s3 = boto3.client("s3", endpoint_url=args.endpoint, config=config)

    total = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            if not obj["Key"].endswith("/_manifest.json"):
                continue
            manifest = json.loads(s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read())
            written = manifest["counts"]["written"]
            total += written
            print(f"{manifest['partition']}\t{written}\t{len(manifest['files'])} files\trun {manifest['run_id']}")
            if args.download:
                folder = obj["Key"].rsplit("/", 1)[0]
                for f in manifest["files"]:
                    target = os.path.join(args.download, folder, f["path"])
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    s3.download_file(bucket, folder + "/" + f["path"], target)
    print(f"total\t{total}")


if __name__ == "__main__":
    main()
