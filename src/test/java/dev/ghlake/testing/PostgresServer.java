package dev.ghlake.testing;

import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server on loopback, Debian's own binaries (`.ci/run` installs the
 * `postgresql` package where it is absent): a fresh cluster by initdb, started by pg_ctl on a free
 * port, stopped and deleted on close. PostgreSQL refuses to run as root, so as root it runs as the
 * package's `postgres` user. Tests skip, saying why, where the binaries are absent.
 */
public final class PostgresServer implements AutoCloseable {
  private final Path root;
  private final Path data;
  private final Path bin;
  private final List<String> asOwner;
  private final int port;

  private PostgresServer(Path root, Path bin, List<String> asOwner, int port) {
    this.root = root;
    this.data = root.resolve("data");
    this.bin = bin;
    this.asOwner = asOwner;
    this.port = port;
  }

  public static PostgresServer start() throws Exception {
    Path bin = binaries();
    assumeTrue("PostgreSQL's initdb was not found under /usr/lib/postgresql (Debian's postgresql "
        + "package, which .ci/run installs); skipping", bin != null);
    Path root = Files.createTempDirectory("ghlake-pg");
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    boolean isRoot = "root".equals(System.getProperty("user.name"));
    List<String> asOwner = isRoot ? List.of("runuser", "-u", "postgres", "--") : List.of();
    PostgresServer pg = new PostgresServer(root, bin, asOwner, freePort());
    Files.createDirectories(pg.data);
    if (isRoot) {
      run(List.of("chown", "postgres", pg.data.toString()));
    }
    pg.owner("initdb", "-D", pg.data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
    pg.owner("pg_ctl", "-D", pg.data.toString(), "-l", pg.data.resolve("server.log").toString(), "-w",
        "-o", "-p " + pg.port + " -k " + pg.data + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    return pg;
  }

  /** A JDBC URL of the server's own database, as the package's superuser (trusted on loopback). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  @Override
  public void close() throws Exception {
    try {
      owner("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
    } finally {
      try (Stream<Path> all = Files.walk(root)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void owner(String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>(asOwner);
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    run(command);
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
  }

  /** The newest PostgreSQL's binaries Debian installed, or null. */
  private static Path binaries() throws IOException {
    Path versions = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(versions)) {
      return null;
    }
    try (Stream<Path> all = Files.list(versions)) {
      return all.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
          .orElse(null);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
