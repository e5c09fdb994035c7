package dev.ghlake.stage;

/**
 * Where an event id falls in [0, 2^32): the same on every runner and every run, computed over the
 * id's UTF-8 bytes. Staging buckets and output files are ranges of it, so copies of one event
 * (same id) always meet in the same bucket and the same file.
 */
public final class IdHash {
  private IdHash() {}

  /** The id's position, as an unsigned 32-bit value in a long. */
  public static long of(byte[] utf8, int offset, int length) {
    int h = 0;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + utf8[i];
    }
    // murmur3's finaliser: ids are digits, whose plain polynomial hash clusters
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h & 0xffffffffL;
  }

  /** Which of {@code slices} equal ranges a position falls in. */
  public static int slice(long position, int slices) {
    return (int) ((position * slices) >>> 32);
  }
}
