package org.qingdan.application.intake;

import java.time.LocalDate;
import org.qingdan.application.intake.domain.ApplicationForm;

/**
 * What {@code form.pdf} prints: one form of one application, a submitted version ({@code version} and its filing date,
 * 填报日期) or, with both null, the draft.
 */
public record FormPrintout(String applicationId, ApplicationForm form, Integer version, LocalDate filingDate) {
}
