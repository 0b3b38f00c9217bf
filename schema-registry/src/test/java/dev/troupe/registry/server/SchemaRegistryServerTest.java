package dev.troupe.registry.server;

import static dev.troupe.registry.server.RegistryHttpClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.registry.server.RegistryHttpClient.Answer;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryServerTest {
    private SchemaRegistryServer server;
    private RegistryHttpClient http;

    @BeforeEach
    void start() throws IOException {
        server = SchemaRegistryServer.start(new InetSocketAddress("127.0.0.1", 0), new InMemorySchemaLog());
        http = new RegistryHttpClient(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registersASchemaAndServesItByIdSubjectAndVersion() {
        Answer registered = http.post("/subjects/payments-value/versions", schemaBody(Schemas.V1));
        assertThat(registered.status()).isEqualTo(200);
        int id = registered.body().get("id").asInt();

        assertThat(new Schema.Parser()
                        .parse(http.get("/schemas/ids/" + id)
                                .body()
                                .get("schema")
                                .asText()))
                .isEqualTo(new Schema.Parser().parse(Schemas.V1));
        assertThat(http.get("/schemas/ids/" + id + "/schema").body().get("name").asText())
                .isEqualTo("Payment");
        assertThat(http.get("/schemas/ids/" + id + "/versions").body().toString())
                .isEqualTo("[{\"subject\":\"payments-value\",\"version\":1}]");
        assertThat(http.get("/subjects").body().toString()).isEqualTo("[\"payments-value\"]");
        assertThat(http.get("/subjects/payments-value/versions").body().toString())
                .isEqualTo("[1]");
        Answer latest = http.get("/subjects/payments-value/versions/latest");
        assertThat(latest.body().get("id").asInt()).isEqualTo(id);
        assertThat(latest.body().get("version").asInt()).isEqualTo(1);
        assertThat(latest.body().get("subject").asText()).isEqualTo("payments-value");
        assertThat(http.get("/subjects/payments-value/versions/1/schema")
                        .body()
                        .get("fields")
                        .size())
                .isEqualTo(2);
        assertThat(http.get("/schemas/types").body().toString()).isEqualTo("[\"AVRO\"]");
        assertThat(http.get("/mode").body().get("mode").asText()).isEqualTo("READWRITE");
    }

    @Test
    void registeringTheSameSchemaTwiceReturnsTheSameIdAndVersion() {
        int first = http.post("/subjects/a-value/versions", schemaBody(Schemas.V1))
                .body()
                .get("id")
                .asInt();
        int again = http.post("/subjects/a-value/versions", schemaBody(Schemas.V1))
                .body()
                .get("id")
                .asInt();
        int elsewhere = http.post("/subjects/b-value/versions", schemaBody(Schemas.V1))
                .body()
                .get("id")
                .asInt();

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).isEqualTo(first);
        assertThat(http.get("/subjects/a-value/versions").body().toString()).isEqualTo("[1]");
    }

    @Test
    void aCompatibleEvolutionBecomesTheNextVersionWithANewId() {
        int v1 = http.post("/subjects/p-value/versions", schemaBody(Schemas.V1))
                .body()
                .get("id")
                .asInt();
        int v2 = http.post("/subjects/p-value/versions", schemaBody(Schemas.V2_ADDS_OPTIONAL))
                .body()
                .get("id")
                .asInt();

        assertThat(v2).isNotEqualTo(v1);
        assertThat(http.get("/subjects/p-value/versions").body().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/p-value/versions/latest")
                        .body()
                        .get("id")
                        .asInt())
                .isEqualTo(v2);
    }

    @Test
    void anIncompatibleSchemaIsRejectedWith409() {
        http.post("/subjects/p-value/versions", schemaBody(Schemas.V1));

        Answer rejected = http.post("/subjects/p-value/versions", schemaBody(Schemas.V2_ADDS_REQUIRED));

        assertThat(rejected.status()).isEqualTo(409);
        assertThat(rejected.errorCode()).isEqualTo(409);
        assertThat(rejected.body().get("message").asText()).contains("incompatible", "currency");
        assertThat(http.get("/subjects/p-value/versions").body().toString()).isEqualTo("[1]");
    }

    @Test
    void anInvalidSchemaIsRejectedWith42201() {
        Answer rejected = http.post("/subjects/p-value/versions", schemaBody("{\"type\":\"record\",\"name\":\"X\"}"));

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.errorCode()).isEqualTo(42201);
    }

    @Test
    void aSchemaWithAWrongDefaultIsInvalid() {
        Answer rejected = http.post(
                "/subjects/p-value/versions",
                schemaBody(
                        "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"n\",\"type\":\"int\",\"default\":\"x\"}]}"));

        assertThat(rejected.errorCode()).isEqualTo(42201);
    }

    @Test
    void unknownSubjectsVersionsAndIdsGiveConfluentErrorCodes() {
        http.post("/subjects/p-value/versions", schemaBody(Schemas.V1));

        assertThat(http.get("/subjects/nope/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/nope/versions").status()).isEqualTo(404);
        assertThat(http.get("/subjects/p-value/versions/7").errorCode()).isEqualTo(40402);
        assertThat(http.get("/schemas/ids/999").errorCode()).isEqualTo(40403);
        assertThat(http.get("/subjects/p-value/versions/zero").errorCode()).isEqualTo(42202);
        assertThat(http.get("/subjects/p-value/versions/0").status()).isEqualTo(422);
        assertThat(http.post("/subjects/p-value", schemaBody(Schemas.V2_ADDS_OPTIONAL))
                        .errorCode())
                .isEqualTo(40403);
        assertThat(http.post("/subjects/nope", schemaBody(Schemas.V1)).errorCode())
                .isEqualTo(40401);
        assertThat(http.get("/no/such/path").status()).isEqualTo(404);
    }

    @Test
    void looksUpWhetherASchemaIsRegisteredUnderASubject() {
        int id = http.post("/subjects/p-value/versions", schemaBody(Schemas.V1))
                .body()
                .get("id")
                .asInt();

        Answer found = http.post("/subjects/p-value", schemaBody(Schemas.V1));

        assertThat(found.body().get("id").asInt()).isEqualTo(id);
        assertThat(found.body().get("version").asInt()).isEqualTo(1);
        assertThat(found.body().get("subject").asText()).isEqualTo("p-value");
    }

    @Test
    void acceptsBothContentTypesAndRejectsOthers() {
        assertThat(http.post("/subjects/a-value/versions", schemaBody(Schemas.V1), "application/json")
                        .status())
                .isEqualTo(200);
        assertThat(http.post(
                                "/subjects/b-value/versions",
                                schemaBody(Schemas.V1),
                                "application/vnd.schemaregistry.v1+json")
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/subjects/c-value/versions", schemaBody(Schemas.V1), "text/plain")
                        .status())
                .isEqualTo(415);
        assertThat(http.get("/subjects").contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Answer answer = http.post("/subjects/a-value/versions", "{not json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().has("message")).isTrue();
    }

    @Test
    void compatibilityIsConfiguredGloballyAndPerSubject() {
        assertThat(http.get("/config").body().get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
        assertThat(http.get("/config/p-value").errorCode()).isEqualTo(40408);
        assertThat(http.get("/config/p-value?defaultToGlobal=true")
                        .body()
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("BACKWARD");

        assertThat(http.put("/config", "{\"compatibility\":\"FULL\"}")
                        .body()
                        .get("compatibility")
                        .asText())
                .isEqualTo("FULL");
        http.post("/subjects/p-value/versions", schemaBody(Schemas.V1));
        http.put("/config/p-value", "{\"compatibility\":\"NONE\"}");

        assertThat(http.get("/config").body().get("compatibilityLevel").asText())
                .isEqualTo("FULL");
        assertThat(http.get("/config/p-value").body().get("compatibilityLevel").asText())
                .isEqualTo("NONE");
        assertThat(http.post("/subjects/p-value/versions", schemaBody(Schemas.V2_CHANGES_TYPE))
                        .status())
                .isEqualTo(200);

        assertThat(http.delete("/config/p-value")
                        .body()
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("NONE");
        assertThat(http.delete("/config").body().get("compatibilityLevel").asText())
                .isEqualTo("FULL");
        assertThat(http.get("/config").body().get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
        assertThat(http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}").errorCode())
                .isEqualTo(42203);
    }

    @Test
    void forwardCompatibilityRejectsARemovedRequiredField() {
        http.put("/config/p-value", "{\"compatibility\":\"FORWARD\"}");
        http.post("/subjects/p-value/versions", schemaBody(Schemas.V1));

        assertThat(http.post("/subjects/p-value/versions", schemaBody(Schemas.V2_REMOVES_AMOUNT))
                        .status())
                .isEqualTo(409);
        assertThat(http.post("/subjects/p-value/versions", schemaBody(Schemas.V2_ADDS_REQUIRED))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void transitiveCompatibilityChecksEveryEarlierVersionNotOnlyTheLatest() {
        // V3 needs "currency", which V2 data has and V1 data lacks: fine against V2, not against V1.
        String v3 = Schemas.V2_ADDS_REQUIRED;
        for (String subject : new String[] {"plain-value", "transitive-value"}) {
            http.post("/subjects/" + subject + "/versions", schemaBody(Schemas.V1));
            http.post("/subjects/" + subject + "/versions", schemaBody(Schemas.V2_ADDS_OPTIONAL));
        }
        http.put("/config/plain-value", "{\"compatibility\":\"BACKWARD\"}");
        http.put("/config/transitive-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");

        assertThat(http.post("/subjects/plain-value/versions", schemaBody(v3)).status())
                .isEqualTo(200);
        Answer transitive = http.post("/subjects/transitive-value/versions", schemaBody(v3));
        assertThat(transitive.status()).isEqualTo(409);
        assertThat(transitive.body().get("message").asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void checksCompatibilityWithoutRegistering() {
        http.post("/subjects/p-value/versions", schemaBody(Schemas.V1));

        assertThat(http.post("/compatibility/subjects/p-value/versions/latest", schemaBody(Schemas.V2_ADDS_OPTIONAL))
                        .body()
                        .get("is_compatible")
                        .asBoolean())
                .isTrue();
        Answer incompatible = http.post(
                "/compatibility/subjects/p-value/versions/1?verbose=true", schemaBody(Schemas.V2_CHANGES_TYPE));
        assertThat(incompatible.body().get("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.body().get("messages").toString()).contains("TYPE_MISMATCH", "/fields/1/type");
        assertThat(http.post("/compatibility/subjects/new-value/versions/latest", schemaBody(Schemas.V1))
                        .body()
                        .get("is_compatible")
                        .asBoolean())
                .isTrue();
        assertThat(http.post("/compatibility/subjects/new-value/versions/1", schemaBody(Schemas.V1))
                        .errorCode())
                .isEqualTo(40401);
        assertThat(http.get("/subjects/p-value/versions").body().toString()).isEqualTo("[1]");
    }

    @Test
    void softDeleteHidesAVersionAndPermanentDeleteNeedsASoftDeleteFirst() {
        int id = http.post("/subjects/p-value/versions", schemaBody(Schemas.V1))
                .body()
                .get("id")
                .asInt();
        http.post("/subjects/p-value/versions", schemaBody(Schemas.V2_ADDS_OPTIONAL));

        assertThat(http.delete("/subjects/p-value/versions/1?permanent=true").errorCode())
                .isEqualTo(40407);
        assertThat(http.delete("/subjects/p-value/versions/1").body().asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/p-value/versions").body().toString()).isEqualTo("[2]");
        assertThat(http.get("/subjects/p-value/versions?deleted=true").body().toString())
                .isEqualTo("[1,2]");
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(http.delete("/subjects/p-value/versions/1").errorCode()).isEqualTo(40406);

        assertThat(http.delete("/subjects/p-value/versions/1?permanent=true")
                        .body()
                        .asInt())
                .isEqualTo(1);
        assertThat(http.get("/subjects/p-value/versions?deleted=true").body().toString())
                .isEqualTo("[2]");
        assertThat(http.get("/schemas/ids/" + id).errorCode()).isEqualTo(40403);
    }

    @Test
    void deletingASubjectSoftlyThenPermanently() {
        http.post("/subjects/p-value/versions", schemaBody(Schemas.V1));

        assertThat(http.delete("/subjects/p-value?permanent=true").errorCode()).isEqualTo(40405);
        assertThat(http.delete("/subjects/p-value").body().toString()).isEqualTo("[1]");
        assertThat(http.get("/subjects").body().toString()).isEqualTo("[]");
        assertThat(http.get("/subjects?deleted=true").body().toString()).isEqualTo("[\"p-value\"]");
        assertThat(http.delete("/subjects/p-value").errorCode()).isEqualTo(40404);
        assertThat(http.delete("/subjects/p-value?permanent=true").body().toString())
                .isEqualTo("[1]");
        assertThat(http.get("/subjects?deleted=true").body().toString()).isEqualTo("[]");
    }

    @Test
    void idsAreNeverReusedAfterAPermanentDelete() {
        int first = http.post("/subjects/p-value/versions", schemaBody(Schemas.V1))
                .body()
                .get("id")
                .asInt();
        http.delete("/subjects/p-value");
        http.delete("/subjects/p-value?permanent=true");

        int next = http.post("/subjects/q-value/versions", schemaBody(Schemas.V2_CHANGES_TYPE))
                .body()
                .get("id")
                .asInt();

        assertThat(next).isGreaterThan(first);
    }
}
