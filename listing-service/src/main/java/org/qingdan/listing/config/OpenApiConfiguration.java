package org.qingdan.listing.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's title and description; the security scheme, problem responses, licence and server come from
 * service-support's {@code QingdanOpenApi}, as in every service. */
@Configuration
public class OpenApiConfiguration {

    @Bean
    OpenAPI listingServiceApi() {
        return new OpenAPI()
                .info(new Info().title("qingdan listing-service (清单发布)").version("1")
                        .description("The public list (anonymous, under /api/public): filters, search, notices, Atom feed, "
                                + "server-sent events, editions with their hash chain, CSV and JSON exports, statistics. "
                                + "Objections, delisting and voluntary withdrawal under /api/listings (signed in). "
                                + "The same facts travel as events on listing.events (see asyncapi.yaml in infra/contracts)."));
    }
}
