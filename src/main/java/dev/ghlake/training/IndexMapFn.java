package dev.ghlake.training;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;

/** An id and its name as a line of an index map: {@code index,id,name}. */
class IndexMapFn extends DoFn<KV<Long, String>, String> {
  private final PCollectionView<long[]> ids;

  IndexMapFn(PCollectionView<long[]> ids) {
    this.ids = ids;
  }

  @ProcessElement
  public void process(@Element KV<Long, String> idName, ProcessContext c) {
    c.output(SortedIds.index(c.sideInput(ids), idName.getKey()) + "," + idName.getKey() + "," + idName.getValue());
  }
}
