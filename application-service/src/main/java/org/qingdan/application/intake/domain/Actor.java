package org.qingdan.application.intake.domain;

/** Who did something: the token's subject and the name people see in the audit trail. */
public record Actor(String id, String name) {
}
