package dev.ghlake.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy, the real S3 REST API, in its own JVM on 127.0.0.1, storing objects as files under a
 * folder (so it can be stopped and started again with its data). Path-style addressing.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String IDENTITY = "local-identity";
  public static final String CREDENTIAL = "local-credential";

  private final Path baseDir;
  private final int port;
  private Process process;
  private Path log;

  /** The requests the server has served so far, by S3's billing class. */
  public record Served(long putCopyPostList, long getAndOther, long free) {
    public Served minus(Served earlier) {
      return new Served(putCopyPostList - earlier.putCopyPostList, getAndOther - earlier.getAndOther,
          free - earlier.free);
    }
  }

  /**
   * Counted from the server's log ({@code request: Request(PUT http://…/bucket/key)}): PUT, POST
   * and GET of a bucket (a listing) are S3's "PUT, COPY, POST, LIST"; GET of an object and HEAD
   * are "GET and all other"; DELETE and POST ?delete (DeleteObjects) are free.
   */
  public Served served() throws IOException {
    long writes = 0;
    long reads = 0;
    long free = 0;
    java.util.regex.Pattern line = java.util.regex.Pattern.compile("request: Request\\((\\w+) https?://[^/]+/([^?)]*)(\\?[^)]*)?\\)");
    for (String l : Files.readAllLines(log)) {
      java.util.regex.Matcher m = line.matcher(l);
      if (!m.find()) {
        continue;
      }
      String method = m.group(1);
      boolean bucketOnly = !m.group(2).contains("/") || m.group(2).endsWith("/") && m.group(2).indexOf('/') == m.group(2).length() - 1;
      String query = m.group(3) == null ? "" : m.group(3);
      if (method.equals("DELETE") || method.equals("POST") && query.matches("\\?delete(=.*|&.*)?")) {
        free++;
      } else if (method.equals("PUT") || method.equals("POST") || method.equals("GET") && bucketOnly) {
        writes++;
      } else {
        reads++;
      }
    }
    return new Served(writes, reads, free);
  }

  public S3ProxyServer(Path baseDir) throws IOException {
    this.baseDir = baseDir;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      this.port = s.getLocalPort();
    }
  }

  public S3ProxyServer start() throws Exception {
    String jar = System.getProperty("ghlake.s3proxy.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("S3Proxy jar not found (" + jar + "): run the tests with "
          + "Maven, which copies it to target/s3proxy/");
    }
    Files.createDirectories(baseDir);
    Path props = baseDir.resolveSibling(baseDir.getFileName() + ".properties");
    Files.writeString(props, String.join("\n",
        "s3proxy.endpoint=" + endpoint(),
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + IDENTITY,
        "s3proxy.credential=" + CREDENTIAL,
        "s3proxy.ignore-unknown-headers=true",
        "jclouds.provider=filesystem-nio2",
        "jclouds.filesystem.basedir=" + baseDir,
        "jclouds.identity=" + IDENTITY,
        "jclouds.credential=" + CREDENTIAL, ""));
    Path log = baseDir.resolveSibling(baseDir.getFileName() + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(QuickJvm.withHeap("512m"));
    command.addAll(List.of("-jar", jar, "--properties", props.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("LOG_LEVEL", "debug"); // S3ProxyHandler logs every request it serves
    this.log = log;
    process = builder.start();
    awaitPort(Duration.ofSeconds(60), log);
    return this;
  }

  private void awaitPort(Duration limit, Path log) throws Exception {
    Instant until = Instant.now().plus(limit);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
      }
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("S3Proxy did not listen on " + port + " within " + limit);
  }

  /** Kills the server at once, as a crash would. */
  public void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /**
   * After a {@link #kill()}: removes objects whose upload the kill interrupted. S3 never shows an
   * interrupted PUT as an object; S3Proxy's file store leaves a file without its metadata
   * (extended attributes), on which its listings then fail.
   */
  public int dropInterruptedUploads() throws IOException {
    int dropped = 0;
    try (var files = Files.walk(baseDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        var attributes = Files.getFileAttributeView(f,
            java.nio.file.attribute.UserDefinedFileAttributeView.class);
        if (attributes != null && !attributes.list().contains("user.content-md5")) {
          Files.delete(f);
          dropped++;
        }
      }
    }
    return dropped;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A client that is not Beam's, to check what Beam wrote. */
  public S3Client client() {
    return S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
        .build();
  }

  /** Creates the bucket and puts every file of a folder under {@code prefix}. */
  public void upload(String bucket, String prefix, Path folder) throws IOException {
    try (S3Client s3 = client(); var files = Files.list(folder)) {
      s3.createBucket(b -> b.bucket(bucket));
      for (Path f : files.toList()) {
        s3.putObject(p -> p.bucket(bucket).key(prefix + f.getFileName()),
            software.amazon.awssdk.core.sync.RequestBody.fromFile(f));
      }
    }
  }

  /** Beam pipeline options that point S3 at this server. */
  public List<String> beamOptions() {
    return beamOptions(IDENTITY, CREDENTIAL);
  }

  public List<String> beamOptions(String identity, String credential) {
    return List.of("--endpoint=" + endpoint(), "--awsRegion=us-east-1", "--s3PathStyle=true",
        "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\""
            + identity + "\",\"secretAccessKey\":\"" + credential + "\"}");
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
