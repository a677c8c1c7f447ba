package org.qingdan.gateway.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.qingdan.gateway.edge.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;

/**
 * The gateway checks every token before anything reaches a service (and each service checks it again):
 * signature (RS256 from the issuer's keys, so {@code alg: none} and HMAC tokens fail), issuer, audience
 * and expiry. The public list, its feeds, health, metrics and API docs are open; the reviewer UI logs in by
 * itself (OIDC, session); everything else needs a token.
 */
@Configuration
@EnableWebFluxSecurity
public class GatewaySecurity {

    static final String[] OPEN = {"/api/public/**", "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs/**", "/v3/gateway-api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/webjars/**", "/review", "/review/**", "/login/oauth2/**", "/oauth2/**", "/logout", "/fallback/**"};

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http) {
        return http
                .authorizeExchange(auth -> auth
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(OPEN).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles())))
                        .authenticationEntryPoint((exchange, e) -> ProblemResponses.write(exchange.getResponse(), 401,
                                "unauthenticated", "未登录或登录已失效", "缺少有效的访问令牌，或令牌已失效")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> ProblemResponses.write(exchange.getResponse(), 401,
                                "unauthenticated", "未登录或登录已失效", "缺少有效的访问令牌，或令牌已失效"))
                        .accessDeniedHandler((exchange, ex) -> ProblemResponses.write(exchange.getResponse(), 403,
                                "forbidden", "无权访问", "当前用户无权执行此操作")))
                // bearer tokens, no cookies for the API; the reviewer UI keeps CSRF on in review-service
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(h -> h
                        .referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CSP)))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
                                  @Value("${qingdan.security.audience:qingdan-api}") String audience,
                                  @Value("${qingdan.security.clock-skew:PT30S}") Duration clockSkew) {
        return new SupplierReactiveJwtDecoder(() -> {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuer)
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew),
                    new JwtIssuerValidator(issuer), new JwtAudienceValidator(audience)));
            return decoder;
        });
    }

    static Converter<Jwt, AbstractAuthenticationToken> roles() {
        return jwt -> {
            List<GrantedAuthority> authorities = List.of();
            Object access = jwt.getClaims().get("realm_access");
            if (access instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
                authorities = roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
            }
            String name = jwt.getClaimAsString("preferred_username");
            return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name);
        };
    }
}
