/**
 * Used by scripts/arm64-check: loads the Lambda zip's native codecs on the JVM it runs on and
 * round-trips a few bytes through each. lz4-java would fall back to pure Java without a word, so
 * its JNI instance is asked for by name; zstd-jni and snappy-java have no fallback.
 */
public class NativeCodecs {
  public static void main(String[] args) throws Exception {
    System.out.println("os.arch=" + System.getProperty("os.arch"));
    com.github.luben.zstd.util.Native.load();
    byte[] z = com.github.luben.zstd.Zstd.compress("hello zstd".getBytes(), 3);
    System.out.println("zstd native: " + com.github.luben.zstd.util.Native.isLoaded() + ", "
        + new String(com.github.luben.zstd.Zstd.decompress(z, 10)));
    net.jpountz.lz4.LZ4Factory lz4 = net.jpountz.lz4.LZ4Factory.nativeInstance();
    byte[] l = lz4.fastCompressor().compress("hello lz4".getBytes());
    System.out.println("lz4 native: " + lz4 + ", " + new String(lz4.fastDecompressor().decompress(l, 9)));
    System.out.println("snappy native: " + org.xerial.snappy.Snappy.getNativeLibraryVersion() + ", "
        + new String(org.xerial.snappy.Snappy.uncompress(org.xerial.snappy.Snappy.compress("hello snappy".getBytes()))));
  }
}
