package dev.ghlake.source;

/**
 * The name a source goes by in rows and ledgers: the archive file's name ({@code
 * 2024-07-01-8.json.gz}), the same whether it was read from disk, S3 or HTTPS, so a re-run from
 * another copy of the archive writes the same rows.
 */
public final class SourceNames {
  private SourceNames() {}

  public static String of(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
