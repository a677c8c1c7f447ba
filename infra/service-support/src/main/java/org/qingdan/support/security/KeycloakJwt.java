package org.qingdan.support.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads Keycloak-shaped tokens: realm roles become {@code ROLE_*} authorities; the user and organisation a {@link CurrentUser}. */
public final class KeycloakJwt {

    public static final String ORG_USCC = "org_uscc";
    public static final String ORG_NAME = "org_name";

    public static Set<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return Set.of();
    }

    public static CurrentUser currentUser(Jwt jwt) {
        String username = firstNonBlank(jwt.getClaimAsString("preferred_username"), jwt.getSubject());
        return new CurrentUser(jwt.getSubject(), username, firstNonBlank(jwt.getClaimAsString("name"), username),
                jwt.getClaimAsString("email"), blankToNull(jwt.getClaimAsString(ORG_USCC)),
                blankToNull(jwt.getClaimAsString(ORG_NAME)), Set.copyOf(realmRoles(jwt)));
    }

    /** The converter for Spring Security's resource server. */
    public static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        return jwt -> {
            List<GrantedAuthority> authorities = realmRoles(jwt).stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, currentUser(jwt).username());
        };
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private KeycloakJwt() {
    }
}
