package dev.ghlake.run;

import dev.ghlake.accounting.AccountingOptions;
import dev.ghlake.cost.CostOptions;
import dev.ghlake.notify.NotifyOptions;
import dev.ghlake.secrets.SecretOptions;
import dev.ghlake.sink.SinkOptions;
import dev.ghlake.source.SourceOptions;
import dev.ghlake.source.bigquery.BigQueryOptions;
import dev.ghlake.source.http.HttpOptions;
import dev.ghlake.storage.StorageOptions;
import dev.ghlake.table.TableOptions;
import dev.ghlake.transform.FilterOptions;

/** Every option of a ghlake run: one interface per concern, joined here. */
public interface GhLakeOptions
    extends SourceOptions, HttpOptions, BigQueryOptions, FilterOptions, SinkOptions, AccountingOptions, StorageOptions,
        NotifyOptions, SecretOptions, RunOptions, TableOptions, CostOptions {}
