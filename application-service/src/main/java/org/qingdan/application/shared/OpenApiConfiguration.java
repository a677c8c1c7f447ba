package org.qingdan.application.shared;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's title and description; the security scheme, problem responses, licence and server come from
 * service-support's {@code QingdanOpenApi}, as in every service. */
@Configuration
public class OpenApiConfiguration {

    @Bean
    OpenAPI applicationServiceApi() {
        return new OpenAPI()
                .info(new Info().title("qingdan application-service (申报受理)").version("1")
                        .description("Calls for applications, the application form of Annex 1, attachments and the formal check. "
                                + "Errors are RFC 9457 problem documents; creating requests accept Idempotency-Key; "
                                + "changes accept If-Match with the ETag of the last read."));
    }
}
