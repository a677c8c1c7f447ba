package org.qingdan.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the shared real infrastructure. Each context gets a database of its own,
 * so contexts of one JVM do not see each other's documents unless a test says so with
 * {@code qingdan.test.database}.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var env = context.getEnvironment();
        String database = env.getProperty("qingdan.test.database", "test-" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", RealInfrastructure.kafka().bootstrapServers());
        properties.put("spring.mongodb.uri", RealInfrastructure.mongo().uri(database));
        properties.put("spring.mongodb.database", database);
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", RealInfrastructure.oidc().issuerUri());
        properties.put("qingdan.security.audience", OidcIssuer.AUDIENCE);
        // services that log users in (the reviewer UI) use the same issuer
        properties.put("spring.security.oauth2.client.provider.keycloak.issuer-uri", RealInfrastructure.oidc().issuerUri());
        env.getPropertySources().addFirst(new MapPropertySource("qingdan-real-infrastructure", properties));
    }
}
