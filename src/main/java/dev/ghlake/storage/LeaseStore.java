package dev.ghlake.storage;

import java.io.IOException;
import java.util.List;

/**
 * The few object operations a lease needs, with one that must be atomic: create an object only
 * if it does not exist. S3 does it with {@code If-None-Match: *} on PutObject, a local disk with
 * an exclusive file create.
 */
interface LeaseStore {
  /** Creates the object unless it exists; false if it did (another run was first). */
  boolean createIfAbsent(String key, String text) throws IOException;

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
