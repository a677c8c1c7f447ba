package org.qingdan.gateway.security;

import org.qingdan.support.security.Roles;
import java.time.Duration;
import org.qingdan.gateway.edge.ProblemResponses;
import org.qingdan.support.security.KeycloakJwt;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The gateway checks every token before anything reaches a service (and each service checks it again):
 * signature (RS256 from the issuer's keys, so {@code alg: none} and HMAC tokens fail), issuer, audience
 * and expiry. The public list and its feeds are open; the reviewer UI and the applicant portal log in by themselves
 * (OIDC, session, in review-service and application-service);
 * everything else needs a token. Metrics, info and the API documents are not served here at all: actuator
 * answers on the management port (never routed, never published) and the API documents only on each
 * service's own port; should anything ever expose other actuator endpoints on this port, they need {@code admin}.
 */
@Configuration
@EnableWebFluxSecurity
public class GatewaySecurity {

    static final String[] OPEN = {"/api/public/**", "/actuator/health", "/actuator/health/**",
            "/review", "/review/**", "/login/oauth2/**", "/oauth2/**", "/logout", "/portal", "/portal/**", "/fallback/**"};

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, ManagementPort management) {
        return http
                .securityMatcher(new NegatedServerWebExchangeMatcher(anonymousPublicRead(management)))
                .authorizeExchange(auth -> auth
                        // the management port is reachable only from inside (Prometheus, operators, health checks):
                        // actuator there is open; nothing else is served on it (no route, whatever the path)
                        .matchers(new AndServerWebExchangeMatcher(management.matcher(),
                                ServerWebExchangeMatchers.pathMatchers("/actuator", "/actuator/**"))).permitAll()
                        .matchers(management.matcher()).denyAll()
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(OPEN).permitAll()
                        .pathMatchers("/actuator/**").hasRole(Roles.ADMIN)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(KeycloakJwt.authenticationConverter())))
                        .authenticationEntryPoint((exchange, e) -> ProblemResponses.write(exchange.getResponse(), 401,
                                "unauthenticated", "未登录或登录已失效", "缺少有效的访问令牌，或令牌已失效")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> ProblemResponses.write(exchange.getResponse(), 401,
                                "unauthenticated", "未登录或登录已失效", "缺少有效的访问令牌，或令牌已失效"))
                        .accessDeniedHandler((exchange, ex) -> ProblemResponses.write(exchange.getResponse(), 403,
                                "forbidden", "无权访问", "当前用户无权执行此操作")))
                // Stateless: the token is checked on every request and nothing is kept between requests. The default
                // keeps the security context in a WebSession: every request, even an anonymous read of the public list,
                // created one (its id made on a blocking thread, handed back on Reactor's parallel pool, where 17 % of the
                // gateway's samples ran in a profile of the public reads). The UIs' login sessions live in their own services.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // bearer tokens, no cookies for the API; the reviewer UI and the portal keep CSRF on in their services
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(h -> h
                        .referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CSP)))
                .build();
    }

    /**
     * An anonymous read of the public list: GET or HEAD under /api/public/, no Authorization header, on the public
     * port. The chain above does not run for it (its securityMatcher), so no filter of Spring Security does.
     * <p>
     * Why: the association website's reads are the gateway's commonest request, and the chain only permits them.
     * Walking it took a tenth of the gateway's CPU per read in the benchmark's profile (issue #20). The firewall
     * ({@code StrictServerWebExchangeFirewall}) still applies: WebFilterChainProxy applies it before it looks for a
     * chain. The security headers come from {@link SecurityHeaders} on every response; the caching headers from
     * listing-service, which has a security chain of its own. A token sent to a public path still goes through
     * the chain, so a bad one is refused with 401 as before.
     */
    static ServerWebExchangeMatcher anonymousPublicRead(ManagementPort management) {
        ServerWebExchangeMatcher publicPath = ServerWebExchangeMatchers.pathMatchers("/api/public/**");
        ServerWebExchangeMatcher managementPort = management.matcher();
        return exchange -> {
            var request = exchange.getRequest();
            HttpMethod method = request.getMethod();
            if ((method != HttpMethod.GET && method != HttpMethod.HEAD)
                    || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                return ServerWebExchangeMatcher.MatchResult.notMatch();
            }
            return managementPort.matches(exchange).flatMap(onManagementPort -> onManagementPort.isMatch()
                    ? ServerWebExchangeMatcher.MatchResult.notMatch() : publicPath.matches(exchange));
        };
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
}
