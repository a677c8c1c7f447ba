package org.qingdan.application.intake.domain;

/** A rule of the measures that the input breaks: where (field path), which rule, and what to do. */
public record RuleViolation(String field, String rule, String message) {
}
