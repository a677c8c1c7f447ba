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
        String name = user.getClaimAsString("name") != null ? user.getClaimAsString("name") : username;
        return new CurrentUser(user.getSubject(), username, name, user.getEmail(), user.getClaimAsString("org_uscc"),
                user.getClaimAsString("org_name"), roles);
    }

    private UiUser() {
    }
}
