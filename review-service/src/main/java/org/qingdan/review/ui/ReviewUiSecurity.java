package org.qingdan.review.ui;

import org.qingdan.support.ui.UiPages;
import org.qingdan.support.ui.WebUiConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The reviewer UI under {@code /review/}: experts and the office log in with Keycloak (OIDC authorization
 * code), keep a session, and every form carries a CSRF token. Realm roles and the organisation come from
 * the access token. Chinese first, English with {@code ?lang=en}. What every web UI of ours shares (users,
 * headers, language, forwarded headers from {@code qingdan.review.trusted-proxies} only) is service-support's
 * {@link WebUiConfiguration}.
 */
@Configuration
public class ReviewUiSecurity extends WebUiConfiguration {

    public ReviewUiSecurity() {
        super("/review", "qingdan.review");
    }

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
}
