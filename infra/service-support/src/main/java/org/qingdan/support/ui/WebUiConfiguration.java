package org.qingdan.support.ui;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What a web UI of ours configures besides its security chain, the same for the reviewer UI and the applicant portal: the
 * users from Keycloak's tokens, the language (Chinese unless {@code <prefix>.ui.default-locale} says otherwise,
 * {@code ?lang=} under the UI's path), forwarded headers believed from {@code <prefix>.trusted-proxies} only, and the
 * static files under {@code <path>/static/}. A UI's {@code @Configuration} extends it and adds its chain.
 */
public abstract class WebUiConfiguration implements WebMvcConfigurer {

    private final String path;
    private final String prefix;

    /** {@code path}: the UI's path ({@code /review}); {@code prefix}: its properties' ({@code qingdan.review}). */
    protected WebUiConfiguration(String path, String prefix) {
        this.path = path;
        this.prefix = prefix;
    }

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> keycloakUsers() {
        return UiUsers.keycloak();
    }

    @Bean
    LocaleResolver localeResolver(Environment environment) {
        return UiPages.localeResolver(environment.getProperty(prefix + ".ui.default-locale", "zh-CN"));
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> forwardedHeadersFromTheGatewayOnly(Environment environment) {
        return TrustedForwarding.registration(environment.getRequiredProperty(prefix + ".trusted-proxies"));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(UiPages.languageParameter()).addPathPatterns(path + "/**");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        UiPages.staticFiles(registry, path, "classpath:/static" + path + "/static/");
    }
}
