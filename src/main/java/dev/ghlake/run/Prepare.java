package dev.ghlake.run;

import dev.ghlake.secrets.SecretException;
import dev.ghlake.source.SourceOptions;
import dev.ghlake.source.bigquery.GcpCredentials;
import dev.ghlake.storage.LakeStorage;

/**
 * The storage part of preparing any entry point (run, dry run, backfill, Lambda, table): the S3
 * client and its keys, and GCP's credentials for a BigQuery read, set up once before a pipeline
 * or a listing touches them. A secret that cannot be resolved is a bad option (exit 2).
 */
public final class Prepare {
  private Prepare() {}

  /** Before Pipeline.create and before the lake is listed: they pick the client and keys set here. */
  public static void storage(GhLakeOptions options) {
    try {
      LakeStorage.configure(options);
      if (options.getSource() == SourceOptions.SourceKind.bigquery) {
        GcpCredentials.configure(options);
      }
    } catch (SecretException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
