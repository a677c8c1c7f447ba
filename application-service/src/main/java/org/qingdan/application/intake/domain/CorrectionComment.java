package org.qingdan.application.intake.domain;

/** The office's comment on one field of the form when it returns the application for correction. */
public record CorrectionComment(String field, String comment) {
}
