package dev.ghlake.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;

/**
 * The few object operations a lease needs, with one that must be atomic: create an object only
 * if it does not exist. S3 does it with {@code If-None-Match: *} on PutObject, a local disk with
 * an exclusive file create.
 */
interface LeaseStore {
  /**
   * Writes the object unless it exists; false if it did (another run was first). Where the check
   * and the write are two steps ({@link #settle()} is not zero), true says only that the write was
   * taken: the object is the caller's if, that long after, it still holds the caller's text.
   */
  boolean create(String key, String text) throws IOException;

  /** How long after a create its read-back tells who won; zero where a create is atomic. */
  Duration settle();

  /** Creates the object unless it exists: true when it is the caller's, read back if need be. */
  default boolean createIfAbsent(String key, String text) throws IOException {
    if (!create(key, text)) {
      return false;
    }
    pause(settle());
    return holds(key, text);
  }

  /**
   * Whether an object this caller created, its {@link #settle()} pause waited out, is the
   * caller's: at once where a create is atomic, else when it still holds the caller's text.
   */
  default boolean holds(String key, String text) throws IOException {
    return settle().isZero() || text.equals(get(key));
  }

  /** Waits out a settling pause. */
  static void pause(Duration pause) throws IOException {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while a created lease settled");
    }
  }

  /** Writes the object whether or not it exists. */
  void put(String key, String text) throws IOException;

  /** The object's text, or null. */
  String get(String key) throws IOException;

  /** Keys under a prefix (relative to the store), in no particular order. */
  List<String> list(String prefix) throws IOException;

  void delete(String key) throws IOException;

  /** Where the store is, for messages. */
  String describe();
}
