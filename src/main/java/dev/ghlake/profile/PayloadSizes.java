package dev.ghlake.profile;

/**
 * Payload sizes in quarter-octave buckets (each about 19 % wide): enough to see a median double
 * or halve, in 128 counters per type instead of every size.
 */
final class PayloadSizes {
  static final int BUCKETS = 128;

  private PayloadSizes() {}

  /** The bucket of a size in bytes. */
  static int bucket(int bytes) {
    if (bytes < 4) {
      return bytes;
    }
    int e = 31 - Integer.numberOfLeadingZeros(bytes); // 2^e <= bytes < 2^(e+1)
    return Math.min(BUCKETS - 1, 4 * e + ((bytes >>> (e - 2)) & 3) - 4);
  }

  /** The smallest size in a bucket. */
  static long lowest(int bucket) {
    if (bucket < 4) {
      return bucket;
    }
    int e = (bucket + 4) / 4;
    int m = (bucket + 4) % 4;
    return (long) (4 + m) << (e - 2);
  }
}
