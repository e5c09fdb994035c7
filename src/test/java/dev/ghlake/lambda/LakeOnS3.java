package dev.ghlake.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The function's lake as the tests look at it: s3://lake/gh, through the AWS SDK. */
final class LakeOnS3 {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final S3Client client;

  LakeOnS3(S3Client client) {
    this.client = client;
  }

  JsonNode manifest(String day, String hour) throws IOException {
    return JSON.readTree(client.getObjectAsBytes(g -> g.bucket("lake")
        .key("gh/events/dt=" + day + "/hour=" + hour + "/_manifest.json")).asByteArray());
  }

  List<String> manifests(String day) {
    return client.listObjectsV2Paginator(b -> b.bucket("lake").prefix("gh/events/dt=" + day + "/"))
        .contents().stream().map(S3Object::key).filter(k -> k.endsWith("_manifest.json")).toList();
  }

  void deleteDay(String day) {
    client.listObjectsV2Paginator(b -> b.bucket("lake").prefix("gh/events/dt=" + day + "/")).contents()
        .forEach(o -> client.deleteObject(d -> d.bucket("lake").key(o.key())));
  }

  /** Every object under the lake's prefix, with its ETag. */
  Map<String, String> objects() {
    Map<String, String> out = new TreeMap<>();
    client.listObjectsV2Paginator(b -> b.bucket("lake").prefix("gh/")).contents()
        .forEach(o -> out.put(o.key(), o.eTag()));
    return out;
  }
}
