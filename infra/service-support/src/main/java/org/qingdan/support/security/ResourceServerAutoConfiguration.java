package org.qingdan.support.security;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;

/**
 * Every service is a stateless JWT resource server: signature (RS256 from the issuer's JWKS only, so
 * {@code alg: none} and HMAC tokens are refused), issuer, audience and expiry are checked; realm roles
 * become {@code ROLE_*}. Health and the API documents are open, and {@code qingdan.security.public-paths};
 * everything else needs a token. Actuator (health, info, metrics) answers on a management port of its own
 * ({@code management.server.port}, set by every service): open there, since only Prometheus, operators and
 * health checks reach it (it is never routed by the gateway nor published), and nothing but actuator is
 * served there. Should actuator share the application's port, everything but health needs {@code admin}. Services narrow access further with {@code @PreAuthorize} and by
 * filtering every query of tenant data by the user's organisation.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({JwtDecoder.class, HttpSecurity.class})
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    /**
     * Open on the application's port. The API documents stay here: the gateway never routes them, so only
     * what reaches the service's own port (the gateway, operators) reads them.
     */
    public static final String[] OPEN_PATHS = {
            "/actuator/health", "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @ConditionalOnMissingBean
    ManagementPort managementPort() {
        return new ManagementPort();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
                          SecurityProperties properties) {
        // Lazy: a service may start before the issuer answers; the first request resolves it. A slow first answer
        // (an issuer starting, a loaded machine) is tried three times before that request fails; a failure is
        // not kept, so the next request tries again.
        return new SupplierJwtDecoder(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return issuerDecoder(issuer, properties);
                } catch (RuntimeException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    try {
                        Thread.sleep(500L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        });
    }

    private static JwtDecoder issuerDecoder(String issuer, SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                .jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    algorithms.add(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256);
                })
                .build();
        decoder.setJwtValidator(validator(issuer, properties.getAudience()));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtAudienceValidator(audience));
    }

    /** The API's chain; a service may add chains of its own (review-service's UI) with a higher precedence. */
    @Bean
    @ConditionalOnMissingBean(name = "apiSecurity")
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, ManagementPort management) throws Exception {
        List<String> open = new java.util.ArrayList<>(List.of(OPEN_PATHS));
        open.addAll(properties.getPublicPaths());
        var actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(new AndRequestMatcher(management.matcher(), actuator)).permitAll()
                        .requestMatchers(management.matcher()).denyAll()
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .requestMatchers(actuator).hasRole(Roles.ADMIN)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(KeycloakJwt.authenticationConverter()))
                        .authenticationEntryPoint(ProblemSecurityHandlers.entryPoint())
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemSecurityHandlers.entryPoint())
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens, no cookies: CSRF cannot ride on them
                .csrf(csrf -> csrf.disable())
                .headers(h -> h.contentTypeOptions(c -> { }).frameOptions(f -> f.deny()));
        return http.build();
    }

}
