package org.qingdan.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qingdan.testsupport.OpenApiDocuments;
import tools.jackson.databind.JsonNode;

/**
 * The service's OpenAPI document, as served: written to target/openapi/notification-service.json for the
 * external linter (.ci/openapi-lint), every operation summarised, its problems declared as problem documents,
 * the bearer scheme required wherever a token is.
 */
class OpenApiDocumentTest extends NotificationIntegrationTest {

    @Test
    void every_operation_is_summarised_secured_and_declares_its_problems() {
        JsonNode document = OpenApiDocuments.fetchAndWrite(port, "notification-service");
        Set<String> anonymous = Set.of();
        assertThat(OpenApiDocuments.gaps(document, anonymous)).isEmpty();
        assertThat(OpenApiDocuments.securedButOpen(port, document)).isEmpty();
        assertThat(document.get("paths").get("/api/webhooks/{id}/audit").get("get").get("responses").propertyNames())
                .contains("200", "400", "401", "403", "404");
    }
}
