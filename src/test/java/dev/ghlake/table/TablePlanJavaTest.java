package dev.ghlake.table;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.table.TableOptions.CatalogKind;
import org.junit.Test;

/**
 * The Hadoop catalog fails on Java 24 and later (HADOOP-19212): seen running IcebergTableTest on
 * Temurin 25, where its commit failed after the load with "getSubject is not supported".
 */
public class TablePlanJavaTest {
  @Test
  public void theHadoopCatalogIsRefusedOnJava24AndLaterNamingWhatWorks() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TablePlan.checkJava(CatalogKind.hadoop, 25));
    assertTrue(e.getMessage(), e.getMessage().contains("--icebergCatalog=jdbc or rest"));
    assertTrue(e.getMessage(), e.getMessage().contains("HADOOP-19212"));
    assertThrows(IllegalArgumentException.class, () -> TablePlan.checkJava(CatalogKind.hadoop, 24));
  }

  @Test
  public void everyCatalogRunsOnJava17And21AndJdbcAndRestOnAnyJava() {
    for (CatalogKind kind : CatalogKind.values()) {
      TablePlan.checkJava(kind, 17);
      TablePlan.checkJava(kind, 21);
      if (kind != CatalogKind.hadoop) {
        TablePlan.checkJava(kind, 25);
      }
    }
  }
}
