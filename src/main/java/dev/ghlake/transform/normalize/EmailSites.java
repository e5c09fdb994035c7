package dev.ghlake.transform.normalize;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a payload's commit author emails sit in its bytes, noted during the line's one pass (the
 * places {@link EmailScrubber} scrubs), so scrubbing can edit those few bytes instead of parsing
 * and re-writing the whole payload a second time.
 */
final class EmailSites {
  private final List<Site> shas = new ArrayList<>();
  private final List<Site> commits = new ArrayList<>();

  /**
   * One email to scrub: bytes {@code [start, end)} (a string or {@code null} token) become the
   * scrubbed {@code email}; or, when {@code missing}, a member {@code "email": scrub("")} is
   * inserted at {@code start} (an author object's closing brace), after a comma if {@code comma}.
   */
  record Site(int start, int end, String email, boolean missing, boolean comma) {}

  /** The sites of one kind, in the order of the bytes. */
  List<Site> of(EmailScrubber.Emails where) {
    return switch (where) {
      case SHAS -> shas;
      case COMMITS -> commits;
      case NONE -> List.of();
    };
  }

  /** {@code shas} (its {@code START_ARRAY} just read): element 1 of each inner array. */
  void readShas(JsonParser p) throws IOException {
    for (JsonToken sha = p.nextToken(); sha != JsonToken.END_ARRAY; sha = p.nextToken()) {
      if (sha != JsonToken.START_ARRAY) {
        p.skipChildren();
        continue;
      }
      int index = 0;
      for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken(), index++) {
        if (index == 1 && (item == JsonToken.VALUE_STRING || item == JsonToken.VALUE_NULL)) {
          shas.add(value(p, item));
        } else {
          p.skipChildren();
        }
      }
    }
  }

  /** {@code commits} (its {@code START_ARRAY} just read): each commit's {@code author.email}. */
  void readCommits(JsonParser p) throws IOException {
    for (JsonToken commit = p.nextToken(); commit != JsonToken.END_ARRAY; commit = p.nextToken()) {
      if (commit != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        boolean author = p.currentName().equals("author");
        if (p.nextToken() == JsonToken.START_OBJECT && author) {
          readAuthor(p);
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private void readAuthor(JsonParser p) throws IOException {
    boolean hadEmail = false;
    boolean empty = true;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      boolean email = p.currentName().equals("email");
      JsonToken v = p.nextToken();
      if (email && (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL)) {
        commits.add(value(p, v));
      } else {
        p.skipChildren();
      }
      hadEmail |= email;
      empty = false;
    }
    if (!hadEmail) { // as GH Archive's loader: no email hashes "", added at the object's end
      int brace = (int) p.currentTokenLocation().getByteOffset();
      commits.add(new Site(brace, brace, "", true, !empty));
    }
  }

  /** A string or null value the parser is at: its bytes and the text to scrub. */
  private static Site value(JsonParser p, JsonToken v) throws IOException {
    int start = (int) p.currentTokenLocation().getByteOffset();
    String text = v == JsonToken.VALUE_NULL ? "" : p.getText(); // reads the string to its end
    int end = (int) p.currentLocation().getByteOffset();
    return new Site(start, end, text, false, false);
  }
}
