package org.qingdan.support.security;

import java.util.Optional;
import java.util.Set;

/**
 * The signed-in user as the token says: subject, name, roles and organisation. The organisation comes
 * from the {@code org_uscc} and {@code org_name} claims only, never from a request parameter or header.
 */
public record CurrentUser(
        String subject,
        String username,
        String displayName,
        String email,
        String orgUscc,
        String orgName,
        Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The committee office's work: the office, or an administrator. */
    public boolean isOffice() {
        return hasAnyRole(Roles.OFFICE, Roles.ADMIN);
    }

    /** A member organisation's user: an applicant (a member bank) or a vendor. */
    public boolean isMember() {
        return hasAnyRole(Roles.APPLICANT, Roles.VENDOR);
    }

    public Optional<String> organisation() {
        return Optional.ofNullable(orgUscc);
    }

    /** True if the user belongs to the organisation with this unified social credit code. */
    public boolean belongsTo(String uscc) {
        return orgUscc != null && orgUscc.equals(uscc);
    }
}
