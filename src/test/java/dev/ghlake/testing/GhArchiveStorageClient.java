package dev.ghlake.testing;

import com.google.cloud.bigquery.storage.v1.AvroRows;
import com.google.cloud.bigquery.storage.v1.AvroSchema;
import com.google.cloud.bigquery.storage.v1.CreateReadSessionRequest;
import com.google.cloud.bigquery.storage.v1.DataFormat;
import com.google.cloud.bigquery.storage.v1.ReadRowsRequest;
import com.google.cloud.bigquery.storage.v1.ReadRowsResponse;
import com.google.cloud.bigquery.storage.v1.ReadSession;
import com.google.cloud.bigquery.storage.v1.ReadStream;
import com.google.cloud.bigquery.storage.v1.SplitReadStreamRequest;
import com.google.cloud.bigquery.storage.v1.SplitReadStreamResponse;
import com.google.cloud.bigquery.storage.v1.StreamStats;
import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;

/**
 * The Storage Read API over the fake tables: one stream per table, the rows as Avro, the session
 * requests recorded. It does not evaluate row restrictions (ghlake filters exactly after reading).
 */
final class GhArchiveStorageClient implements BigQueryServices.StorageClient, java.io.Serializable {
  @Override
  public ReadSession createReadSession(CreateReadSessionRequest request) {
    String table = request.getReadSession().getTable();
    GhArchiveBigQuery.SESSION_REQUESTS.add(table + " fields=" + request.getReadSession().getReadOptions().getSelectedFieldsList()
        + " restriction=" + request.getReadSession().getReadOptions().getRowRestriction());
    return ReadSession.newBuilder().setName(table + "/session").setTable(table)
        .setDataFormat(DataFormat.AVRO)
        .setAvroSchema(AvroSchema.newBuilder().setSchema(GhArchiveBigQuery.avroSchema().toString()))
        .addStreams(ReadStream.newBuilder().setName(table + "/streams/0"))
        .build();
  }

  @Override
  public BigQueryServices.BigQueryServerStream<ReadRowsResponse> readRows(ReadRowsRequest request) {
    String stream = request.getReadStream();
    List<GenericRecord> rows = GhArchiveBigQuery.ROWS.get(stream.substring(0, stream.indexOf("/streams/")));
    List<GenericRecord> rest = rows.subList((int) request.getOffset(), rows.size());
    ReadRowsResponse response = ReadRowsResponse.newBuilder()
        .setAvroRows(AvroRows.newBuilder().setSerializedBinaryRows(encode(rest)).setRowCount(rest.size()))
        .setRowCount(rest.size())
        .setStats(StreamStats.newBuilder().setProgress(
            StreamStats.Progress.newBuilder().setAtResponseStart(0).setAtResponseEnd(1)))
        .build();
    return new BigQueryServices.BigQueryServerStream<>() {
      @Override
      public Iterator<ReadRowsResponse> iterator() {
        return List.of(response).iterator();
      }

      @Override
      public void cancel() {}
    };
  }

  @Override
  public BigQueryServices.BigQueryServerStream<ReadRowsResponse> readRows(ReadRowsRequest request, String table) {
    return readRows(request);
  }

  @Override
  public SplitReadStreamResponse splitReadStream(SplitReadStreamRequest request) {
    return SplitReadStreamResponse.getDefaultInstance();
  }

  @Override
  public SplitReadStreamResponse splitReadStream(SplitReadStreamRequest request, String table) {
    return splitReadStream(request);
  }

  @Override
  public void close() {}

  private static ByteString encode(List<GenericRecord> rows) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(GhArchiveBigQuery.avroSchema());
      for (GenericRecord r : rows) {
        writer.write(r, encoder);
      }
      encoder.flush();
      return ByteString.copyFrom(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
