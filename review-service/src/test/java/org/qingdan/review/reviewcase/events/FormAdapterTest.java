package org.qingdan.review.reviewcase.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.review.reviewcase.domain.ReviewedForm;
import org.qingdan.review.testing.ReviewFixtures;
import org.qingdan.testsupport.RecordCopies;

class FormAdapterTest {

    @Test
    void a_form_with_every_field_set_comes_back_from_the_case_equal() {
        ApplicationFormSnapshot full = ReviewFixtures.fullForm();
        assertThat(FormAdapter.toContract(FormAdapter.toDomain(full))).isEqualTo(full);
    }

    @Test
    void a_form_of_an_earlier_release_comes_back_with_its_gaps() {
        ApplicationFormSnapshot f = ReviewFixtures.fullForm();
        ApplicationFormSnapshot sparse = new ApplicationFormSnapshot(f.applicant(), f.contact(), f.participants(), f.enterprise(), f.product(),
                null, null, f.supportingMaterials(), f.eligibility(), null, null,
                List.of(new ApplicationFormSnapshot.AttachmentRef("a1", "x.pdf", "application/pdf", 1, "00")));
        assertThat(FormAdapter.toContract(FormAdapter.toDomain(sparse))).isEqualTo(sparse);
        assertThat(FormAdapter.toDomain((ApplicationFormSnapshot) null)).isNull();
    }

    /** A field the contract gains must be kept by the case too (or left out on purpose, here). */
    @Test
    void the_cases_form_has_the_contracts_sections_and_fields_with_the_same_names() {
        assertThat(RecordCopies.differences(ReviewedForm.class, ApplicationFormSnapshot.class)).isEmpty();
    }
}
