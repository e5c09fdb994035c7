package dev.ghlake.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.util.VarInt;

/**
 * The buckets' ids into one sorted array without repeats: an id's position is its dense index
 * (int32, as ALS and CSR matrices take them). Eight bytes an id: ten million users are 80 MB.
 */
final class SortedIds extends Combine.CombineFn<long[], SortedIds.Ids, long[]> {

  /** A growing array of ids. */
  static final class Ids {
    long[] ids = new long[16];
    int n;

    void add(long id) {
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, n * 2);
      }
      ids[n++] = id;
    }
  }

  @Override
  public Ids createAccumulator() {
    return new Ids();
  }

  @Override
  public Ids addInput(Ids acc, long[] ids) {
    for (long id : ids) {
      acc.add(id);
    }
    return acc;
  }

  @Override
  public Ids mergeAccumulators(Iterable<Ids> all) {
    Ids out = new Ids();
    for (Ids a : all) {
      for (int i = 0; i < a.n; i++) {
        out.add(a.ids[i]);
      }
    }
    return out;
  }

  @Override
  public long[] extractOutput(Ids acc) {
    long[] sorted = Arrays.copyOf(acc.ids, acc.n);
    Arrays.sort(sorted);
    return Arrays.stream(sorted).distinct().toArray();
  }

  @Override
  public Coder<Ids> getAccumulatorCoder(CoderRegistry registry, Coder<long[]> input) {
    return new IdsCoder();
  }

  @Override
  public Coder<long[]> getDefaultOutputCoder(CoderRegistry registry, Coder<long[]> input)
      throws CannotProvideCoderException {
    return new ArrayCoder();
  }

  /** Where an id is in the sorted array; it is there, by construction. */
  static int index(long[] sorted, long id) {
    int at = Arrays.binarySearch(sorted, id);
    if (at < 0) {
      throw new IllegalStateException("id " + id + " is not in the index map");
    }
    return at;
  }

  static final class IdsCoder extends AtomicCoder<Ids> {
    @Override
    public void encode(Ids a, OutputStream out) throws IOException {
      new ArrayCoder().encode(Arrays.copyOf(a.ids, a.n), out);
    }

    @Override
    public Ids decode(InputStream in) throws IOException {
      Ids a = new Ids();
      a.ids = new ArrayCoder().decode(in);
      a.n = a.ids.length;
      if (a.n == 0) {
        a.ids = new long[16];
      }
      return a;
    }
  }

  static final class ArrayCoder extends AtomicCoder<long[]> {
    @Override
    public void encode(long[] ids, OutputStream out) throws IOException {
      VarInt.encode(ids.length, out);
      for (long id : ids) {
        VarInt.encode(id, out); // not VarLongCoder: no boxing, a side input of millions of ids
      }
    }

    @Override
    public long[] decode(InputStream in) throws IOException {
      long[] ids = new long[VarInt.decodeInt(in)];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = VarInt.decodeLong(in);
      }
      return ids;
    }
  }
}
