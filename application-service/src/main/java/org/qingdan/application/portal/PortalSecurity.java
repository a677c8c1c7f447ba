package org.qingdan.application.portal;

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
 * The applicant portal under {@code /portal/}, as the reviewer UI is built: applicants and vendors log in with Keycloak
 * (OIDC authorization code) through the gateway, keep a session, every form carries a CSRF token, and the pages send
 * the shared security headers (no script or style from outside the origin). Everything of the login lives under
 * {@code /portal/} — the authorization request, the callback, the logout — so that the gateway routes it here and not
 * to review-service, whose UI owns {@code /oauth2/**} and {@code /login/**}; the session cookie is the portal's own
 * ({@code server.servlet.session.cookie}), so the two UIs on the gateway's one origin never overwrite each other's.
 * The API's chain (bearer tokens, stateless, no CSRF) stays as it is for everything else. Users, language, forwarded
 * headers (from {@code qingdan.portal.trusted-proxies} only) and static files: service-support's {@link WebUiConfiguration},
 * as for the reviewer UI.
 */
@Configuration
public class PortalSecurity extends WebUiConfiguration {

    static final String LOGIN = "/portal/oauth2/authorization/keycloak";

    public PortalSecurity() {
        super("/portal", "qingdan.portal");
    }

    @Bean
    @Order(1)
    SecurityFilterChain portal(HttpSecurity http, OAuth2UserService<OidcUserRequest, OidcUser> users) throws Exception {
        http.securityMatcher("/portal", "/portal/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/portal/static/**").permitAll().anyRequest().authenticated())
                .oauth2Login(o -> o.loginPage(LOGIN)
                        .authorizationEndpoint(e -> e.baseUri("/portal/oauth2/authorization"))
                        .redirectionEndpoint(r -> r.baseUri("/portal/login/oauth2/code/*"))
                        .userInfoEndpoint(u -> u.oidcUserService(users))
                        .defaultSuccessUrl("/portal/", false))
                .logout(l -> l.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/"));
        // CSRF stays on (the default) for every form of the portal
        return UiPages.headers(http).build();
    }
}
