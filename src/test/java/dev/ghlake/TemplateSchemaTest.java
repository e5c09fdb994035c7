package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import dev.ghlake.testing.CloudFormationYaml;
import dev.ghlake.testing.TemplateSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Every resource of every template under templates/ against AWS's own resource schemas
 * ({@code ../shared/data/aws-schemas}): a misspelt or mistyped property fails here, not at deploy
 * time. Resource types with no schema there are named, never passed over.
 */
public class TemplateSchemaTest {
  private static final Path BASE = Path.of(System.getProperty("ghlake.basedir", "."));
  private static final Path SCHEMAS = BASE.resolve(
      System.getProperty("ghlake.aws.schemas", "../shared/data/aws-schemas")).toAbsolutePath().normalize();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static List<Path> templates() throws Exception {
    try (Stream<Path> files = Files.walk(BASE.resolve("templates"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Before
  public void schemasAreThere() {
    assumeTrue("AWS's resource schemas not found at " + SCHEMAS + " (set -Dghlake.aws.schemas=...)",
        Files.isDirectory(SCHEMAS.resolve("cloudformation")));
  }

  @Test
  public void everyResourceOfEveryTemplateMatchesItsTypesSchema() throws Exception {
    TemplateSchemas schemas = new TemplateSchemas(SCHEMAS);
    List<Path> templates = templates();
    assertEquals(2, templates.size()); // the Lambda function and the EMR cluster
    for (Path template : templates) {
      TemplateSchemas.Result r = schemas.check(CloudFormationYaml.read(template));
      assertEquals(template + ": " + r.errors(), List.of(), r.errors());
      assertEquals(template + ": resource types without a schema in " + SCHEMAS, List.of(), r.withoutSchema());
      assertTrue(r.checked() >= 3);
    }
  }

  @Test
  public void aMisspeltOrMistypedPropertyIsFound() throws Exception {
    Path lambda = BASE.resolve("templates/lambda/template.yaml");
    String text = Files.readString(lambda);
    Path misspelt = tmp.getRoot().toPath().resolve("misspelt.yaml");
    Files.writeString(misspelt, text.replace("      ComparisonOperator: LessThanThreshold",
        "      ComparisonOperater: LessThanThreshold"));
    Path mistyped = tmp.getRoot().toPath().resolve("mistyped.yaml");
    Files.writeString(mistyped, text.replace("        MaximumEventAgeInSeconds: 21600",
        "        MaximumEventAgeInSeconds: [21600]"));
    Path wrongSam = tmp.getRoot().toPath().resolve("sam.yaml");
    Files.writeString(wrongSam, text.replace("            OmitName: true", "            OmitName: 'yes please'"));

    TemplateSchemas schemas = new TemplateSchemas(SCHEMAS);
    assertFound(schemas, misspelt, "NoLoadAlarm", "ComparisonOperater");
    assertFound(schemas, mistyped, "LoadFunction", "");
    assertFound(schemas, wrongSam, "LoadFunction", "");
  }

  private static void assertFound(TemplateSchemas schemas, Path template, String resource, String word)
      throws Exception {
    Map<String, Object> t = CloudFormationYaml.read(template);
    List<String> errors = schemas.check(t).errors();
    assertTrue(template + " should fail", !errors.isEmpty());
    assertTrue(errors.toString(), errors.stream().allMatch(e -> e.startsWith(resource + " ")));
    assertTrue(errors.toString(), errors.stream().anyMatch(e -> e.contains(word)));
  }
}
