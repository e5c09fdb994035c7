package dev.ghlake.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Lease objects as files under a folder of the lake; {@code create} links a written file
 * into place, which fails if the name exists: exclusive, and never seen half-written.
 */
final class LocalLeaseStore implements LeaseStore {
  private final Path root;

  LocalLeaseStore(Path root) {
    this.root = root;
  }

  @Override
  public boolean create(String key, String text) throws IOException {
    Path file = root.resolve(key);
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".lease-", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.createLink(file, temp); // atomic, and fails if the file exists: never half-written
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public Duration settle() {
    return Duration.ZERO; // the link is atomic: its success is the answer
  }

  @Override
  public void put(String key, String text) throws IOException {
    Path file = root.resolve(key);
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".lease-", ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public String get(String key) throws IOException {
    try {
      return Files.readString(root.resolve(key), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    Path folder = root.resolve(prefix);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (attributes.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
          keys.add(root.relativize(file).toString());
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        return gone(e);
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        return e == null ? FileVisitResult.CONTINUE : gone(e);
      }
    });
    return keys;
  }

  /**
   * Every run of the lake shares this folder: a lease released or a temporary file renamed since
   * its folder was read is simply not listed; any other failure is the store's.
   */
  private static FileVisitResult gone(IOException e) throws IOException {
    if (e instanceof NoSuchFileException) {
      return FileVisitResult.CONTINUE;
    }
    throw e;
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(root.resolve(key));
  }

  @Override
  public String describe() {
    return root.toString();
  }
}
