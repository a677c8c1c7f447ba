package org.qingdan.review.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qingdan.testsupport.OpenApiDocuments;
import tools.jackson.databind.JsonNode;

/**
 * The service's OpenAPI document, as served: written to target/openapi/review-service.json for the
 * external linter (.ci/openapi-lint), every operation summarised, its problems declared as problem documents,
 * the bearer scheme required wherever a token is.
 */
class OpenApiDocumentTest extends ReviewIntegrationTest {

    @Test
    void every_operation_is_summarised_secured_and_declares_its_problems() {
        JsonNode document = OpenApiDocuments.fetchAndWrite(port, "review-service");
        Set<String> anonymous = Set.of();
        assertThat(OpenApiDocuments.gaps(document, anonymous)).isEmpty();
        assertThat(OpenApiDocuments.securedButOpen(port, document)).isEmpty();
    }
}
