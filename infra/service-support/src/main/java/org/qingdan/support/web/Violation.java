package org.qingdan.support.web;

/**
 * One broken rule of a request: the field path (e.g. {@code participants[2].uscc}), the rule's stable
 * name (e.g. {@code uscc-check-character}) and a message for people.
 */
public record Violation(String field, String rule, String message) {
}
