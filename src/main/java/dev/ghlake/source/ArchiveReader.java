package dev.ghlake.source;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.source.http.Downloads;
import dev.ghlake.source.synthetic.SyntheticEventGenerator;
import dev.ghlake.source.synthetic.SyntheticPlan;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads source units into a {@link LineSink}: archive files from any Beam filesystem, archive
 * hours from a web server, synthetic shards. Never a whole file in memory. One per worker
 * thread (it keeps a web client); close it when done.
 *
 * <p>Gzip is inflated by the JDK's own stream, which hands over every byte it could inflate
 * before a truncation: a cut file keeps all its complete lines.
 */
public final class ArchiveReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveReader.class);
  private static final int BUFFER = 1 << 16;

  private final ReadSettings settings;
  private Downloads downloads;

  public ArchiveReader(ReadSettings settings) {
    this.settings = settings;
  }

  /** Reads the unit to its end (or its break); what the unit holds never throws. */
  public SourceOutcome read(SourceUnit unit, LineSink sink) throws IOException {
    return switch (unit.kind()) {
      case FILE -> readFile(unit, sink);
      case URL -> downloads().read(unit, settings.maxLineBytes(), this::readGzip, sink);
      case SYNTHETIC -> readSynthetic(unit, sink);
    };
  }

  private SourceOutcome readFile(SourceUnit unit, LineSink sink) throws IOException {
    if (unit.plannedBytes() == SourceUnit.MISSING) {
      return unit.missing("no such file");
    }
    if (unit.plannedBytes() == 0) {
      return outcome(unit, 0, 0);
    }
    LOG.info("Reading {}", unit.location());
    InputStream raw;
    try {
      raw = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(unit.location(), false)));
    } catch (FileNotFoundException e) {
      return unit.missing("gone since the run was planned");
    }
    try (InputStream in = new BufferedInputStream(raw, BUFFER)) {
      Streamed s = unit.name().endsWith(".gz") ? readGzip(in, sink) : readPlain(in, sink);
      return s.outcome(unit, unit.plannedBytes());
    }
  }

  /** A gzip stream (members may be concatenated) as lines. */
  public Streamed readGzip(InputStream in, LineSink sink) {
    InputStream inflated;
    try {
      inflated = new GZIPInputStream(in, BUFFER);
    } catch (EOFException e) {
      return new Streamed(0, null); // no byte at all: an empty file
    } catch (IOException e) {
      return new Streamed(0, "not gzip: " + e.getMessage());
    }
    return readPlain(inflated, sink);
  }

  private Streamed readPlain(InputStream in, LineSink sink) {
    try {
      return new Streamed(ArchiveStream.read(in, settings.maxLineBytes(), sink), null);
    } catch (ArchiveStream.Broken e) {
      LOG.warn("Broke after line {}: {}", e.lastLine, e.getCause().toString());
      return new Streamed(e.lines, e.getMessage());
    }
  }

  private SourceOutcome readSynthetic(SourceUnit unit, LineSink sink) {
    SyntheticPlan.Shard shard = unit.shard();
    SyntheticEventGenerator generator = new SyntheticEventGenerator(settings.syntheticSeed());
    long bytes = 0;
    for (long i = shard.first(); i < shard.first() + shard.count(); i++) {
      byte[] line = SyntheticPlan.line(generator, i, shard.firstOfHour(), shard.hourStart())
          .getBytes(StandardCharsets.UTF_8);
      bytes += line.length + 1;
      sink.line(line, line.length, i - shard.firstOfHour() + 1);
    }
    return SourceOutcome.read(unit.name(), unit.location(), unit.hour(), unit.role(), bytes,
        shard.count());
  }

  private static SourceOutcome outcome(SourceUnit unit, long bytes, long lines) {
    return SourceOutcome.read(unit.name(), unit.location(), unit.hour(), unit.role(), bytes, lines);
  }

  private Downloads downloads() {
    if (downloads == null) {
      downloads = new Downloads(settings.http());
    }
    return downloads;
  }

  @Override
  public void close() {
    if (downloads != null) {
      downloads.close();
    }
  }

}
