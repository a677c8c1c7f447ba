package org.qingdan.support.web.openapi;

import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.security.ResourceServerAutoConfiguration;
import org.qingdan.support.security.SecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The services' OpenAPI documents, the same way everywhere (springdoc, {@code /v3/api-docs} on each service's
 * own port): see {@link QingdanOpenApi}. {@link CurrentUser} parameters come from the token, never from the
 * request, so springdoc does not show them.
 */
@AutoConfiguration(after = ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(OpenApiProperties.class)
public class OpenApiAutoConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    QingdanOpenApi qingdanOpenApi(OpenApiProperties properties, ObjectProvider<SecurityProperties> security,
                                  @Value("${spring.application.name:}") String application) {
        SecurityProperties s = security.getIfAvailable();
        return new QingdanOpenApi(properties, s == null ? null : s.getPublicPaths(), application);
    }

    @Bean
    OperationCustomizer qingdanOperationIds() {
        return QingdanOpenApi::operationId;
    }
}
