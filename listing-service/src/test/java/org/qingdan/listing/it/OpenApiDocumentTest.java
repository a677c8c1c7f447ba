package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qingdan.testsupport.OpenApiDocuments;
import tools.jackson.databind.JsonNode;

/**
 * The service's OpenAPI document, as served: written to target/openapi/listing-service.json for the
 * external linter (.ci/openapi-lint), every operation summarised, its problems declared as problem documents,
 * the bearer scheme required wherever a token is.
 */
class OpenApiDocumentTest extends ListingIntegrationTest {

    @Test
    void every_operation_is_summarised_secured_and_declares_its_problems() {
        JsonNode document = OpenApiDocuments.fetchAndWrite(port, "listing-service");
        // the public list is anonymous, every operation under /api/public; nothing else is
        Set<String> anonymous = OpenApiDocuments.operations(document).stream().filter(op -> op.path().startsWith("/api/public/"))
                .map(OpenApiDocuments.Operation::name).collect(Collectors.toSet());
        assertThat(anonymous).contains("GET /api/public/listings", "GET /api/public/feed.atom");
        assertThat(OpenApiDocuments.gaps(document, anonymous)).isEmpty();
        assertThat(OpenApiDocuments.securedButOpen(port, document)).isEmpty();
        assertThat(document.get("paths").get("/api/listings/{id}/audit").get("get").get("responses").propertyNames())
                .contains("200", "400", "401", "403", "404");
    }
}
