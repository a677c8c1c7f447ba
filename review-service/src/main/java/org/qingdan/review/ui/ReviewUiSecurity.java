package org.qingdan.review.ui;

import org.qingdan.support.ui.TrustedForwarding;
import org.qingdan.support.ui.UiPages;
import org.qingdan.support.ui.UiUsers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The reviewer UI under {@code /review/}: experts and the office log in with Keycloak (OIDC authorization
 * code), keep a session, and every form carries a CSRF token. Realm roles and the organisation come from
 * the access token. Chinese first, English with {@code ?lang=en}. The pieces every web UI of ours shares
 * (users, headers, language, forwarded headers) are service-support's {@code org.qingdan.support.ui}.
 */
@Configuration
public class ReviewUiSecurity implements WebMvcConfigurer {

    @Bean
    @Order(1)
    SecurityFilterChain reviewUi(HttpSecurity http, OAuth2UserService<OidcUserRequest, OidcUser> users) throws Exception {
        http.securityMatcher("/review", "/review/**", "/login/**", "/oauth2/**", "/logout")
                .authorizeHttpRequests(a -> a.requestMatchers("/review/static/**").permitAll().anyRequest().authenticated())
                .oauth2Login(o -> o.userInfoEndpoint(u -> u.oidcUserService(users)).defaultSuccessUrl("/review/", false))
                .logout(l -> l.logoutSuccessUrl("/review/"));
        // CSRF stays on (the default) for every form of the UI
        return UiPages.headers(http).build();
    }

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> keycloakUsers() {
        return UiUsers.keycloak();
    }

    @Bean
    LocaleResolver localeResolver(@Value("${qingdan.review.ui.default-locale:zh-CN}") String defaultLocale) {
        return UiPages.localeResolver(defaultLocale);
    }

    /** Forwarded headers believed from the gateway only ({@code qingdan.review.trusted-proxies}). */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> forwardedHeadersFromTheGatewayOnly(
            @Value("${qingdan.review.trusted-proxies}") String trustedProxies) {
        return TrustedForwarding.registration(trustedProxies);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(UiPages.languageParameter()).addPathPatterns("/review/**");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        UiPages.staticFiles(registry, "/review", "classpath:/static/review/static/");
    }
}
