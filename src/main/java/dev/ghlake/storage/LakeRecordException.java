package dev.ghlake.storage;

import java.io.IOException;

/**
 * A record ghlake keeps in the lake (the layout record, a partition's manifest) cannot be read:
 * a hand edit, a sync tool or a lifecycle rule changed it. The message names the file, what is
 * wrong with it and what to do, because the run that meets it fails (exit 1) rather than guess.
 */
public final class LakeRecordException extends IOException {
  public LakeRecordException(String path, String problem, String remedy) {
    super("the lake's record " + path + " is unreadable (" + problem + "): " + remedy);
  }
}
