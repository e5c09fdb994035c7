package dev.ghlake.source;

import dev.ghlake.source.http.HttpSettings;
import java.io.Serializable;

/**
 * How sources are read, resolved once from the options.
 *
 * @param http download settings, null when nothing is downloaded
 * @param syntheticSeed the seed of generated events
 */
public record ReadSettings(int maxLineBytes, HttpSettings http, long syntheticSeed)
    implements Serializable {}
