package dev.ghlake.coders;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.commit.PartitionResult;
import dev.ghlake.interactions.InteractionKind;
import dev.ghlake.interactions.PairActivity;
import dev.ghlake.interactions.PairKey;
import dev.ghlake.profile.DriftFinding;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.Test;

public class RecordCoderTest {

  @Test
  public void aRecordIsItsComponentsInOrderWithTheCoderOfEach() throws Exception {
    PairKey key = new PairKey("2024-07-01", 9, 1_296_269, InteractionKind.STAR);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    StringUtf8Coder.of().encode("2024-07-01", expected);
    VarLongCoder.of().encode(9L, expected);
    VarLongCoder.of().encode(1_296_269L, expected);
    VarIntCoder.of().encode(InteractionKind.STAR.ordinal(), expected);
    assertArrayEquals(expected.toByteArray(), CoderUtils.encodeToByteArray(PairKey.coder(), key));
    CoderProperties.coderDecodeEncodeEqual(PairKey.coder(), key);
  }

  @Test
  public void nestedRecordsListsAndNullsSurviveTheRoundTripAndTheCoderTravels() throws Exception {
    DriftFinding finding = new DriftFinding(DriftFinding.Level.error, "dt=2025-08-07/hour=05",
        "PushEvent payload key 'size'", "100%", "0%");
    PartitionResult result = new PartitionResult("dt=2025-08-07/hour=05", true, false, 12, 1, 4096,
        List.of("2025-08-07-5.json.gz: missing"), List.of(), List.of(finding));
    CoderProperties.coderDecodeEncodeEqual(PartitionResult.coder(), result);
    CoderProperties.coderDecodeEncodeEqual(PairActivity.coder(), new PairActivity(3, 1, 2, null, null));
    CoderProperties.coderSerializable(PartitionResult.coder());
    CoderProperties.coderDeterministic(PairKey.coder(), new PairKey("d", 1, 2, InteractionKind.FORK),
        new PairKey("d", 1, 2, InteractionKind.FORK));
  }

  @Test
  public void aCoderThatDoesNotFitTheRecordIsRefusedWhenItIsMade() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RecordCoder.of(PairKey.class, StringUtf8Coder.of(), VarLongCoder.of()));
    assertEquals("PairKey has 4 components, 2 coders were given", e.getMessage());
  }

  @Test
  public void aComponentThatIsNotDeterministicMakesTheRecordUnfitForGrouping() {
    Coder<?> coder = RecordCoder.of(Point.class, StringUtf8Coder.of(), DoubleCoder.of());
    Coder.NonDeterministicException e = assertThrows(Coder.NonDeterministicException.class,
        coder::verifyDeterministic);
    assertTrue(e.getMessage(), e.getMessage().contains("Point has a component whose coder is not deterministic"));
  }

  @Test
  public void bytesTheRecordRefusesAreACoderErrorThatSaysWhy() throws Exception {
    byte[] negative = CoderUtils.encodeToByteArray(
        RecordCoder.of(Point.class, StringUtf8Coder.of(), DoubleCoder.of()), new Point("p", -1.0));
    Coder<Weight> coder = RecordCoder.of(Weight.class, StringUtf8Coder.of(), DoubleCoder.of());
    CoderException e = assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(coder, negative));
    assertEquals("a weight is never negative: -1.0", e.getCause().getMessage());
  }

  @Test
  public void anErrorOfTheJvmIsNotDressedUpAsBadBytes() throws Exception {
    byte[] nan = CoderUtils.encodeToByteArray(
        RecordCoder.of(Point.class, StringUtf8Coder.of(), DoubleCoder.of()), new Point("p", Double.NaN));
    Coder<Weight> coder = RecordCoder.of(Weight.class, StringUtf8Coder.of(), DoubleCoder.of());
    assertThrows(Exhausted.class, () -> CoderUtils.decodeFromByteArray(coder, nan));
  }

  @Test
  public void anEnumNumberWithNoConstantIsACoderErrorNamingTheEnum() throws Exception {
    byte[] past = CoderUtils.encodeToByteArray(VarIntCoder.of(), InteractionKind.values().length);
    CoderException e = assertThrows(CoderException.class,
        () -> CoderUtils.decodeFromByteArray(EnumCoder.of(InteractionKind.class), past));
    assertEquals("InteractionKind has no constant number " + InteractionKind.values().length, e.getMessage());
    CoderProperties.coderSerializable(EnumCoder.of(InteractionKind.class));
    CoderProperties.coderDecodeEncodeEqual(SerializableUtils.clone(EnumCoder.of(InteractionKind.class)),
        InteractionKind.FORK);
  }

  /** Stands for an error of the JVM (out of memory, a stack overflow) raised while decoding. */
  static final class Exhausted extends Error {
    Exhausted() {
      super("exhausted");
    }
  }

  /** Public, as the records of a pipeline are: the coder reaches them through public accessors. */
  public record Point(String name, double weight) {}

  /** A record whose canonical constructor checks what it is given, as records may. */
  public record Weight(String name, double weight) {
    public Weight {
      if (Double.isNaN(weight)) {
        throw new Exhausted();
      }
      if (weight < 0) {
        throw new IllegalArgumentException("a weight is never negative: " + weight);
      }
    }
  }
}
