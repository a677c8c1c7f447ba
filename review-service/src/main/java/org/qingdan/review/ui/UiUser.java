package org.qingdan.review.ui;

import java.util.Set;
import java.util.stream.Collectors;
import org.qingdan.support.security.CurrentUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The signed-in UI user as a {@link CurrentUser}, the same the API builds from a bearer token. */
final class UiUser {

    static CurrentUser of(OidcUser user) {
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
    static String displayName(String family, String given, String name, String username) {
        if (family != null && given != null && !family.isBlank() && !given.isBlank() && (cjk(family) || cjk(given))) {
            return family.strip() + given.strip();
        }
        return name != null && !name.isBlank() ? name : username;
    }

    private static boolean cjk(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private UiUser() {
    }
}
