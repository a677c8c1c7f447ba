package org.qingdan.support.ui;

import java.util.Locale;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * What every web UI of ours sends and how it picks its language: a CSP that allows nothing from outside the origin (no
 * inline script or style either), HSTS, a strict referrer policy, no framing; Chinese first, English with
 * {@code ?lang=en}, remembered in one cookie the UIs share (they share the gateway's origin).
 */
public final class UiPages {

    public static final String CSP = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "img-src 'self' data:; style-src 'self'";

    /** The language cookie, and the parameter that changes it. */
    public static final String LANGUAGE_COOKIE = "qingdan-lang";
    public static final String LANGUAGE_PARAMETER = "lang";

    /** The security headers of a UI's chain (CSRF stays on: the default). */
    public static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(f -> f.deny()));
    }

    public static LocaleResolver localeResolver(String defaultLocale) {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setDefaultLocale(Locale.forLanguageTag(defaultLocale));
        return resolver;
    }

    public static LocaleChangeInterceptor languageParameter() {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName(LANGUAGE_PARAMETER);
        return lang;
    }

    /**
     * A UI's static files under its own path (so the gateway routes them to it): its own, then those every UI shares
     * (service-support's {@code ui.css}, {@code favicon.svg}).
     */
    public static void staticFiles(ResourceHandlerRegistry registry, String path, String ownLocation) {
        registry.addResourceHandler(path + "/static/**").addResourceLocations(ownLocation, "classpath:/org/qingdan/support/ui/static/");
    }

    private UiPages() {
    }
}
