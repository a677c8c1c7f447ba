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

/**
 * Every service is a stateless JWT resource server: signature (RS256 from the issuer's JWKS only, so
 * {@code alg: none} and HMAC tokens are refused), issuer, audience and expiry are checked; realm roles
 * become {@code ROLE_*}. Health, info, metrics and API docs are open; {@code qingdan.security.public-paths}
 * too; everything else needs a token. Services narrow access further with {@code @PreAuthorize} and by
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

    public static final String[] OPEN_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
                          SecurityProperties properties) {
        // Lazy: a service may start before the issuer answers; the first request resolves it.
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                    .jwsAlgorithms(algorithms -> {
                        algorithms.clear();
                        algorithms.add(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256);
                    })
                    .build();
            decoder.setJwtValidator(validator(issuer, properties.getAudience()));
            return decoder;
        });
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtAudienceValidator(audience));
    }

    /** The API's chain; a service may add chains of its own (review-service's UI) with a higher precedence. */
    @Bean
    @ConditionalOnMissingBean(name = "apiSecurity")
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties) throws Exception {
        List<String> open = new java.util.ArrayList<>(List.of(OPEN_PATHS));
        open.addAll(properties.getPublicPaths());
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
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
