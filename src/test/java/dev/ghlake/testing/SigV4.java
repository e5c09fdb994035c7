package dev.ghlake.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * What an AWS endpoint checks of a request: its Signature Version 4, computed again from the
 * request as received (method, path, query, the headers it says it signed, the body) with the
 * keys the server knows, and compared. A local server that checks it refuses a client that signs
 * with other keys, another region or service, or not at all, as AWS does.
 */
public record SigV4(String accessKey, String secretKey, String region, String service) {
  private static final Pattern AUTH = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX");

  /** Null if the request is signed with these keys for this region and service; else why not. */
  public String check(HttpExchange ex, byte[] body) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    Matcher m = auth == null ? null : AUTH.matcher(auth);
    if (m == null || !m.matches()) {
      return "Missing or malformed SigV4 Authorization header: " + auth;
    }
    if (!m.group(1).equals(accessKey) || !m.group(3).equals(region) || !m.group(4).equals(service)) {
      return "The security token included in the request is invalid (key " + m.group(1) + ", region "
          + m.group(3) + ", service " + m.group(4) + ").";
    }
    SdkHttpFullRequest.Builder again = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.fromValue(ex.getRequestMethod()))
        .uri(URI.create("http://" + ex.getRequestHeaders().getFirst("Host") + ex.getRequestURI()))
        .contentStreamProvider(() -> new ByteArrayInputStream(body));
    for (String header : m.group(5).split(";")) {
      again.putHeader(header, ex.getRequestHeaders().get(header));
    }
    ZonedDateTime at = ZonedDateTime.parse(ex.getRequestHeaders().getFirst("X-Amz-Date"), AMZ_DATE);
    Aws4SignerParams params = Aws4SignerParams.builder()
        .awsCredentials(AwsBasicCredentials.create(accessKey, secretKey)).signingName(service)
        .signingRegion(Region.of(region)).signingClockOverride(Clock.fixed(at.toInstant(), ZoneOffset.UTC)).build();
    String expected = Aws4Signer.create().sign(again.build(), params).firstMatchingHeader("Authorization").orElse("");
    return expected.equals(auth) ? null
        : "The request signature we calculated does not match the signature you provided.";
  }
}
