package org.qingdan.listing.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OpenApiConfiguration {

    @Bean
    OpenAPI listingServiceApi() {
        return new OpenAPI()
                .info(new Info().title("qingdan listing-service (清单发布)").version("1")
                        .description("The public list (anonymous, under /api/public): filters, search, notices, Atom feed, "
                                + "server-sent events, editions with their hash chain, CSV and JSON exports, statistics. "
                                + "Objections, delisting and voluntary withdrawal under /api/listings (signed in). "
                                + "The same facts travel as events on listing.events (see asyncapi.yaml in infra/contracts)."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
