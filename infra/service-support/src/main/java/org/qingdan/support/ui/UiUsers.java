package org.qingdan.support.ui;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.qingdan.support.security.CurrentUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The user of a web UI that logs in with Keycloak (OIDC authorization code): roles and organisation as the API sees them. */
public final class UiUsers {

    /** The signed-in UI user as a {@link CurrentUser}, the same the API builds from a bearer token. */
    public static CurrentUser of(OidcUser user) {
        Set<String> roles = user.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        String username = user.getClaimAsString("preferred_username") != null ? user.getClaimAsString("preferred_username") : user.getSubject();
        String name = displayName(user.getClaimAsString("family_name"), user.getClaimAsString("given_name"), user.getClaimAsString("name"), username);
        return new CurrentUser(user.getSubject(), username, name, user.getEmail(), user.getClaimAsString("org_uscc"),
                user.getClaimAsString("org_name"), roles);
    }

    /**
     * A Chinese name in Chinese order, family name first and no space (Keycloak's {@code name} claim is "given family");
     * other names as the issuer wrote them.
     */
    public static String displayName(String family, String given, String name, String username) {
        if (family != null && given != null && !family.isBlank() && !given.isBlank() && (cjk(family) || cjk(given))) {
            return family.strip() + given.strip();
        }
        return name != null && !name.isBlank() ? name : username;
    }

    private static boolean cjk(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Roles and organisation from the access token (Keycloak puts realm roles there, not in the ID token). */
    public static OAuth2UserService<OidcUserRequest, OidcUser> keycloak() {
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

    private UiUsers() {
    }
}
