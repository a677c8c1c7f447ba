package org.qingdan.application.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OpenApiConfiguration {

    @Bean
    OpenAPI applicationServiceApi() {
        return new OpenAPI()
                .info(new Info().title("qingdan application-service (申报受理)").version("1")
                        .description("Calls for applications, the application form of Annex 1, attachments and the formal check. "
                                + "Errors are RFC 9457 problem documents; creating requests accept Idempotency-Key; "
                                + "changes accept If-Match with the ETag of the last read."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
