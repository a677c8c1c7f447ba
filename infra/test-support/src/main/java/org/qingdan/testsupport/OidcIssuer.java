package org.qingdan.testsupport;

import com.nimbusds.jose.JOSEObjectType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OIDC issuer (mock-oauth2-server: discovery, JWKS, RS256-signed tokens) that mints tokens shaped
 * like the ones of our Keycloak realm: {@code realm_access.roles}, {@code org_uscc}, {@code org_name},
 * {@code preferred_username} and our audience.
 */
public final class OidcIssuer implements AutoCloseable {

    public static final String REALM = "qingdan";
    public static final String AUDIENCE = "qingdan-api";

    private final MockOAuth2Server server;

    OidcIssuer() {
        server = new MockOAuth2Server();
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    public String issuerUri() {
        return stripSlash(server.issuerUrl(REALM).toString());
    }

    /** A token for a user of an organisation; the organisation may be null (office, reviewers). */
    public String token(String username, String orgUscc, String orgName, Collection<String> roles) {
        return token(REALM, username, orgUscc, orgName, roles, List.of(AUDIENCE), 3600);
    }

    /** Full control, for tests of what must be refused: another issuer id, another audience, a past expiry. */
    public String token(String issuerId, String username, String orgUscc, String orgName, Collection<String> roles,
                        List<String> audience, long expirySeconds) {
        Map<String, Object> claims = claims(username, orgUscc, orgName, roles);
        return server.issueToken(issuerId, "qingdan-cli",
                new DefaultOAuth2TokenCallback(issuerId, "sub-" + username, JOSEObjectType.JWT.getType(), audience,
                        claims, expirySeconds)).serialize();
    }

    /**
     * Decides who the next browser login (authorization code flow) is: the issuer answers the next
     * authorization request for this user, with Keycloak-shaped claims, without a login form.
     */
    public void nextLogin(String username, String orgUscc, String orgName, Collection<String> roles) {
        Map<String, Object> claims = claims(username, orgUscc, orgName, roles);
        server.enqueueCallback(new DefaultOAuth2TokenCallback(REALM, "sub-" + username, JOSEObjectType.JWT.getType(),
                List.of(AUDIENCE), claims, 3600));
    }

    private static Map<String, Object> claims(String username, String orgUscc, String orgName, Collection<String> roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", username);
        claims.put("name", username);
        claims.put("email", username + "@example.cn");
        claims.put("realm_access", Map.of("roles", new ArrayList<>(roles)));
        if (orgUscc != null) {
            claims.put("org_uscc", orgUscc);
            claims.put("org_name", orgName);
        }
        return claims;
    }

    @Override
    public void close() {
        server.shutdown();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
