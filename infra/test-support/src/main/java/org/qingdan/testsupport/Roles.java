package org.qingdan.testsupport;

/** The realm roles of DOMAIN.md §2, for tokens in tests. */
public final class Roles {
    public static final String APPLICANT = "applicant";
    public static final String VENDOR = "vendor";
    public static final String OFFICE = "office";
    public static final String REVIEWER = "reviewer";
    public static final String COMMITTEE = "committee";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
