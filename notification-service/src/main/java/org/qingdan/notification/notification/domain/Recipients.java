package org.qingdan.notification.notification.domain;

/** Where notifications to the office and to all members go; the addresses are configuration. */
public record Recipients(String officeEmail, String membersEmail) {
}
