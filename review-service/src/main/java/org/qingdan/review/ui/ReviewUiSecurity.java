package org.qingdan.review.ui;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The reviewer UI under {@code /review/}: experts and the office log in with Keycloak (OIDC authorization
 * code), keep a session, and every form carries a CSRF token. Realm roles and the organisation come from
 * the access token. Chinese first, English with {@code ?lang=en}.
 */
@Configuration
public class ReviewUiSecurity implements WebMvcConfigurer {

    static final String CSP = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "img-src 'self' data:; style-src 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain reviewUi(HttpSecurity http, OAuth2UserService<OidcUserRequest, OidcUser> users) throws Exception {
        http.securityMatcher("/review", "/review/**", "/login/**", "/oauth2/**", "/logout")
                .authorizeHttpRequests(a -> a.requestMatchers("/review/static/**").permitAll().anyRequest().authenticated())
                .oauth2Login(o -> o.userInfoEndpoint(u -> u.oidcUserService(users)).defaultSuccessUrl("/review/", false))
                .logout(l -> l.logoutSuccessUrl("/review/"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000))
                        .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                .ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(f -> f.deny()));
        // CSRF stays on (the default) for every form of the UI
        return http.build();
    }

    /** Roles and organisation from the access token (Keycloak puts realm roles there, not in the ID token). */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> keycloakUsers() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Map<String, Object> claims = new HashMap<>(user.getClaims());
            try {
                claims.putAll(JWTParser.parse(request.getAccessToken().getTokenValue()).getJWTClaimsSet().getClaims());
            } catch (ParseException opaque) {
                // not a JWT: keep what the ID token says
            }
            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
            if (claims.get("realm_access") instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> roles) {
                roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
            }
            String nameAttribute = claims.containsKey("preferred_username") ? "preferred_username" : "sub";
            return new DefaultOidcUser(authorities, user.getIdToken(), new OidcUserInfo(claims), nameAttribute);
        };
    }

    @Bean
    LocaleResolver localeResolver(@Value("${qingdan.review.ui.default-locale:zh-CN}") String defaultLocale) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("qingdan-lang");
        resolver.setDefaultLocale(Locale.forLanguageTag(defaultLocale));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        registry.addInterceptor(lang).addPathPatterns("/review/**");
    }
}
