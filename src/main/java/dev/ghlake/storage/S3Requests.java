package dev.ghlake.storage;

import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The S3 requests this process sends, counted by how S3 bills them: "PUT, COPY, POST, LIST"
 * requests, "GET, SELECT and all other" requests, and DELETE and CANCEL, which are free (Amazon S3
 * pricing, "Requests & data retrievals", S3 Standard). Every attempt is counted, retries too: S3
 * bills each. Beam's S3 client and the lease store's get the counter through
 * {@link CountingS3ClientBuilderFactory}; on Flink the workers' own requests are not seen here.
 */
public final class S3Requests {
  private static final LongAdder WRITES = new LongAdder();
  private static final LongAdder READS = new LongAdder();
  private static final LongAdder FREE = new LongAdder();
  private static final Set<String> FREE_OPERATIONS = Set.of("DeleteObject", "DeleteObjects", "AbortMultipartUpload");

  /** Counts so far: PUT/COPY/POST/LIST, GET and the others, DELETE/CANCEL (free). */
  public record Counts(long putCopyPostList, long getAndOther, long free) {
    public Counts minus(Counts earlier) {
      return new Counts(putCopyPostList - earlier.putCopyPostList, getAndOther - earlier.getAndOther,
          free - earlier.free);
    }

    public Counts plus(Counts other) {
      return new Counts(putCopyPostList + other.putCopyPostList, getAndOther + other.getAndOther,
          free + other.free);
    }
  }

  /** The interceptor S3 clients are built with. */
  static final ExecutionInterceptor INTERCEPTOR = new ExecutionInterceptor() {
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      count(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  };

  private S3Requests() {}

  public static Counts now() {
    return new Counts(WRITES.sum(), READS.sum(), FREE.sum());
  }

  static void count(String operation) {
    billingClass(operation).increment();
  }

  private static LongAdder billingClass(String operation) {
    if (operation == null) {
      return READS;
    }
    if (FREE_OPERATIONS.contains(operation)) {
      return FREE;
    }
    // PutObject, CopyObject, UploadPart(Copy), Create/CompleteMultipartUpload, List*
    boolean write = operation.startsWith("Put") || operation.startsWith("Copy") || operation.startsWith("Upload")
        || operation.startsWith("Create") || operation.startsWith("Complete") || operation.startsWith("List");
    return write ? WRITES : READS;
  }
}
