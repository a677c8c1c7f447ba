package org.qingdan.support.security;

/**
 * The realm roles of DOMAIN.md §2, named once: for {@code @PreAuthorize}, for {@link CurrentUser}'s checks in code, for the
 * gateway, and for tokens in tests. The expressions are compile-time constants, so that annotations can use them.
 */
public final class Roles {
    /** A member bank's IT staff filing applications (申报单位). */
    public static final String APPLICANT = "applicant";
    /** A technology vendor, a member filing or taking part in applications. */
    public static final String VENDOR = "vendor";
    /** The committee office (专委会办公室), which runs the process. */
    public static final String OFFICE = "office";
    /** An expert of the pool (评审专家). */
    public static final String REVIEWER = "reviewer";
    /** The committee (专委会), which decides. */
    public static final String COMMITTEE = "committee";
    /** The system's operators. */
    public static final String ADMIN = "admin";

    /** The office's work, which an administrator may also do. */
    public static final String OFFICE_OR_ADMIN = "hasAnyRole('" + OFFICE + "','" + ADMIN + "')";
    /** A member organisation's users: applicants and vendors. */
    public static final String MEMBER = "hasAnyRole('" + APPLICANT + "','" + VENDOR + "')";
    /** The office's work and the members' own (each then sees only its organisation's). */
    public static final String OFFICE_OR_MEMBER = "hasAnyRole('" + OFFICE + "','" + ADMIN + "','" + APPLICANT + "','" + VENDOR + "')";
    /** Only operators. */
    public static final String ADMIN_ONLY = "hasRole('" + ADMIN + "')";

    private Roles() {
    }
}
