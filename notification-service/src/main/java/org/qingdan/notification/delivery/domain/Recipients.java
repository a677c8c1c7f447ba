package org.qingdan.notification.delivery.domain;

/** Where notifications to the office and to all members go; the addresses are configuration. */
public record Recipients(String officeEmail, String membersEmail) {
}
