package dev.ghlake.transform.normalize;

import static dev.ghlake.transform.normalize.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code owner/name} for a repository object of any era.
 *
 * <p>The timeline shape (and GH Archive's BigQuery rows for 2013–2014) keeps only the bare name
 * in {@code name}; the owner is in {@code owner} or in the {@code url}
 * ({@code https://github.com/owner/name} or {@code https://api.github.com/repos/owner/name}).
 * The 2011–2012 placeholder for "no repository" ({@code "name": "/"}) gives null, and so does a
 * repository whose owner the archive left blank ({@code "owner": ""}, url {@code github.com//name}):
 * a bare name is not {@code owner/name}, and guessing would make up a value.
 */
public final class RepoNames {
  private RepoNames() {}

  public static String fullName(JsonNode repo) {
    return fullName(text(repo, "name"), text(repo, "owner"), text(repo, "url"));
  }

  /** The same, from a repository's {@code name}, {@code owner} and {@code url} values. */
  public static String fullName(String name, String owner, String url) {
    if (name != null && name.indexOf('/') >= 0) {
      return isOwnerSlashName(name) ? name : null; // "/" is the 2011-2012 "no repository"
    }
    if (owner != null && !owner.isBlank() && name != null && !name.isBlank()) {
      return owner + "/" + name;
    }
    return fromUrl(url); // null when the archive does not say who owns it
  }

  /** The last two path segments of a repository URL, or null if it does not look like one. */
  public static String fromUrl(String url) {
    if (url == null) {
      return null;
    }
    String path = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    int last = path.lastIndexOf('/');
    int previous = last > 0 ? path.lastIndexOf('/', last - 1) : -1;
    if (previous < 0 || path.indexOf("://") + 2 >= previous) {
      return null;
    }
    String name = path.substring(previous + 1);
    return isOwnerSlashName(name) ? name : null;
  }

  /** The value if it is {@code owner/name}, else null. */
  static String ownerSlashName(String value) {
    return value != null && isOwnerSlashName(value) ? value : null;
  }

  private static boolean isOwnerSlashName(String name) {
    int slash = name.indexOf('/');
    return slash > 0 && slash < name.length() - 1 && name.indexOf('/', slash + 1) < 0;
  }
}
