package dev.ghlake.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * A Java record as its components in declaration order, each with the coder given for it: one
 * generic coder instead of a hand-written class per record (the same bytes, field by field). It
 * is deterministic when every component coder is, so records can be keys of a grouping.
 */
public final class RecordCoder<T extends Record> extends CustomCoder<T> {
  private final Class<T> type;
  private final List<Coder<?>> components;
  private transient Access access;

  private RecordCoder(Class<T> type, List<Coder<?>> components) {
    this.type = type;
    this.components = components;
  }

  /** A coder for {@code type}; {@code components} in the record's order, one per component. */
  public static <T extends Record> RecordCoder<T> of(Class<T> type, Coder<?>... components) {
    int declared = type.getRecordComponents().length;
    if (declared != components.length) {
      throw new IllegalArgumentException(type.getSimpleName() + " has " + declared + " components, "
          + components.length + " coders were given");
    }
    RecordCoder<T> coder = new RecordCoder<>(type, List.of(components));
    coder.access(); // fails here, when the pipeline is built, not on the first element
    return coder;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    if (value == null) {
      throw new CoderException("cannot encode a null " + type.getSimpleName());
    }
    Access a = access();
    Coder<Object>[] c = a.coders;
    for (int i = 0; i < c.length; i++) {
      c[i].encode(a.get(i, value), out);
    }
  }

  @Override
  public T decode(InputStream in) throws IOException {
    Access a = access();
    Coder<Object>[] c = a.coders;
    Object[] values = new Object[c.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = c[i].decode(in);
    }
    return type.cast(a.create(values));
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return components;
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    for (Coder<?> c : components) {
      verifyDeterministic(this, type.getSimpleName() + " has a component whose coder is not deterministic", c);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordCoder<?> r && r.type.equals(type) && r.components.equals(components);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, components);
  }

  @Override
  public String toString() {
    return "RecordCoder(" + type.getSimpleName() + ", " + components + ")";
  }

  private Access access() {
    if (access == null) {
      access = new Access(type, components);
    }
    return access;
  }

  /**
   * The record's accessors and canonical constructor, looked up once per coder instance and typed
   * {@code Object -> Object} so that each call is an {@code invokeExact}: a plain {@code invoke}
   * on a handle that is not a constant checks and adapts its types on every call (interactions,
   * whose pairs are coded at every step, took 1.06x the CPU of hand-written coders with it).
   */
  private static final class Access {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType CONSTRUCTOR = MethodType.methodType(Object.class, Object[].class);
    final Coder<Object>[] coders; // the component coders as an array: read per element
    final MethodHandle[] getters;
    final MethodHandle constructor;

    @SuppressWarnings("unchecked")
    Access(Class<?> type, List<Coder<?>> components) {
      coders = components.toArray(new Coder[0]);
      RecordComponent[] parts = type.getRecordComponents();
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      try {
        getters = new MethodHandle[parts.length];
        for (int i = 0; i < parts.length; i++) {
          getters[i] = lookup.unreflect(parts[i].getAccessor()).asType(GETTER);
        }
        Class<?>[] types = Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
        constructor = lookup.unreflectConstructor(type.getConstructor(types))
            .asSpreader(Object[].class, types.length).asType(CONSTRUCTOR);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(type.getName() + " needs public accessors and a public canonical "
            + "constructor to be coded", e);
      }
    }

    Object get(int i, Object record) throws CoderException {
      try {
        return (Object) getters[i].invokeExact(record);
      } catch (Error e) {
        throw e; // out of memory, a stack overflow: not a coding problem, and not to be wrapped
      } catch (Throwable e) { // an accessor that throws
        throw new CoderException(e);
      }
    }

    Object create(Object[] values) throws CoderException {
      try {
        return (Object) constructor.invokeExact(values);
      } catch (Error e) {
        throw e; // out of memory, a stack overflow: not a coding problem, and not to be wrapped
      } catch (Throwable e) { // a component's check in the canonical constructor, say
        throw new CoderException(e);
      }
    }
  }
}
