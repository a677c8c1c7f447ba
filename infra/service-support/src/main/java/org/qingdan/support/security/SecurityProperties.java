package org.qingdan.support.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code qingdan.security.*}. The issuer is Spring's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. */
@ConfigurationProperties("qingdan.security")
public class SecurityProperties {

    /** The audience every token must carry (Keycloak adds it through an audience mapper). */
    private String audience = "qingdan-api";
    /** Paths anyone may call without a token, in addition to health, info, metrics and API docs. */
    private List<String> publicPaths = new ArrayList<>(List.of("/api/public/**"));

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }
}
