package org.qingdan.notification.delivery.domain;

/** The applicant's designated contact (指定联系人) and organisation, as application events told us. */
public record Contact(String applicationId, String name, String email, String orgUscc, String orgName, String productName) {
}
