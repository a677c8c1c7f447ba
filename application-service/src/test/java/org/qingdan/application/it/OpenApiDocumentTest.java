package org.qingdan.application.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qingdan.testsupport.OpenApiDocuments;
import tools.jackson.databind.JsonNode;

/**
 * The service's OpenAPI document, as served: written to target/openapi/application-service.json for the
 * external linter (.ci/openapi-lint), every operation summarised, its problems declared as problem documents,
 * the bearer scheme required wherever a token is.
 */
class OpenApiDocumentTest extends IntegrationTest {

    @Test
    void every_operation_is_summarised_secured_and_declares_its_problems() {
        JsonNode document = OpenApiDocuments.fetchAndWrite(port, "application-service");
        assertThat(OpenApiDocuments.gaps(document, Set.of("GET /api/public/calls"))).isEmpty();
        assertThat(OpenApiDocuments.securedButOpen(port, document)).isEmpty();
        // what only the operation knows: the upload's size and type refusals, a create's 201, the submission's 422
        JsonNode paths = document.get("paths");
        assertThat(paths.get("/api/applications/{applicationId}/attachments").get("post").get("responses").propertyNames())
                .contains("201", "404", "409", "413", "415", "422").doesNotContain("200");
        assertThat(paths.get("/api/applications/{id}/submit").get("post").get("responses").propertyNames())
                .contains("404", "409", "412", "422");
        assertThat(paths.get("/api/applications").get("post").get("parameters").toString()).doesNotContain("\"user\"");
        // participation (Art. 8) and the office's audit trails
        assertThat(paths.get("/api/applications/{id}/participation/confirm").get("post").get("responses").propertyNames())
                .contains("200", "404", "409", "412");
        assertThat(paths.get("/api/applications/{id}/participation/decline").get("post").get("responses").propertyNames())
                .contains("200", "404", "409", "422");
        for (String trail : List.of("/api/applications/{id}/audit", "/api/calls/{id}/audit")) {
            assertThat(paths.get(trail).get("get").get("responses").propertyNames()).as(trail).contains("200", "400", "401", "403", "404");
        }
    }
}
