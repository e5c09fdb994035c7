package dev.ghlake.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lease objects as files under a folder of the lake; {@code createIfAbsent} links a written file
 * into place, which fails if the name exists: exclusive, and never seen half-written.
 */
final class LocalLeaseStore implements LeaseStore {
  private final Path root;

  LocalLeaseStore(Path root) {
    this.root = root;
  }

  @Override
  public boolean createIfAbsent(String key, String text) throws IOException {
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
    try (Stream<Path> files = Files.walk(folder)) {
      files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
          .forEach(f -> keys.add(root.relativize(f).toString()));
    }
    return keys;
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
