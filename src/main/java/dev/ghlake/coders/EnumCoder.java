package dev.ghlake.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * An enum constant as its ordinal: values only ever travel between the steps of one run, built
 * from one jar, so the order of the constants is the same on both sides.
 */
public final class EnumCoder<E extends Enum<E>> extends CustomCoder<E> {
  private static final VarIntCoder INT = VarIntCoder.of();
  private final Class<E> type;
  private final E[] constants; // serialised by name, as enum constants are

  private EnumCoder(Class<E> type) {
    this.type = type;
    this.constants = type.getEnumConstants();
  }

  public static <E extends Enum<E>> EnumCoder<E> of(Class<E> type) {
    return new EnumCoder<>(type);
  }

  @Override
  public void encode(E value, OutputStream out) throws IOException {
    INT.encode(value.ordinal(), out);
  }

  @Override
  public E decode(InputStream in) throws IOException {
    int ordinal = INT.decode(in);
    if (ordinal < 0 || ordinal >= constants.length) {
      throw new CoderException(type.getSimpleName() + " has no constant number " + ordinal);
    }
    return constants[ordinal];
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean equals(Object o) {
    return o instanceof EnumCoder<?> e && e.type.equals(type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type);
  }
}
