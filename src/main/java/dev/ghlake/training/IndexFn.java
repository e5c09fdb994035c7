package dev.ghlake.training;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/** A pair's ids to their dense indices (side inputs: the sorted ids of users and of repositories). */
class IndexFn extends DoFn<TrainingPair, IndexedPair> {
  private final PCollectionView<long[]> users;
  private final PCollectionView<long[]> items;

  IndexFn(PCollectionView<long[]> users, PCollectionView<long[]> items) {
    this.users = users;
    this.items = items;
  }

  @ProcessElement
  public void process(@Element TrainingPair p, ProcessContext c) {
    c.output(new IndexedPair(p.test(), SortedIds.index(c.sideInput(users), p.actorId()),
        SortedIds.index(c.sideInput(items), p.repoId()), p.weight(), p.timestampSeconds()));
  }
}
