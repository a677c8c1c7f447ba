package org.qingdan.review.reviewcase.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.listing.FileRef;
import org.qingdan.contracts.listing.ReReviewRequested;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.review.reviewcase.domain.ReReviewSubject;
import org.qingdan.testsupport.RecordCopies;

class ReReviewAdapterTest {

    /** The sample product with every field set (the sample leaves the other scenario empty). */
    static PublicProduct fullProduct() {
        PublicProduct p = ContractSamples.product();
        return new PublicProduct(p.applicationId(), p.callYear(), p.productName(), p.introduction(), p.productType(),
                List.of(ApplicationScenario.RISK_MANAGEMENT, ApplicationScenario.OTHER), "贷后预警", p.keyTechnologies(), p.goLiveDate(),
                p.enterprise(), p.leadApplicant(), p.participants(), p.honours());
    }

    @Test
    void a_subject_with_every_field_set_comes_back_from_the_case_equal() {
        ReReviewRequested e = ContractSamples.reReviewRequested("listing-1", "rr-1");
        ReReviewSubject subject = ReReviewAdapter.toDomain(e);
        assertThat(List.of(subject.listingId(), subject.reReviewId(), subject.reason(), subject.requestedAt()))
                .containsExactly(e.aggregateId(), e.reReviewId(), e.reason(), e.requestedAt());
        assertThat(ReReviewAdapter.toContract(subject.product())).isEqualTo(e.product());
        assertThat(ReReviewAdapter.toContract(subject.report())).isEqualTo(e.report());
        assertThat(subject.responses().stream().map(ReReviewAdapter::toContract).toList()).isEqualTo(e.responses());
        assertThat(ReReviewAdapter.toContract(ReReviewAdapter.toDomain(fullProduct()))).isEqualTo(fullProduct());
    }

    @Test
    void gaps_stay_gaps() {
        PublicProduct sparse = new PublicProduct("app-2", 2026, "产品", null, null, null, null, null, null, null, null, null, null);
        assertThat(ReReviewAdapter.toContract(ReReviewAdapter.toDomain(sparse))).isEqualTo(sparse);
        var report = new ReReviewRequested.Report("r", null, null, null, null, null);
        assertThat(ReReviewAdapter.toContract(ReReviewAdapter.toDomain(report))).isEqualTo(report);
        var response = new ReReviewRequested.Response("企业", null, "说明", null, Instant.EPOCH);
        assertThat(ReReviewAdapter.toContract(ReReviewAdapter.toDomain(response))).isEqualTo(response);
        var none = new ReReviewRequested(UUID.randomUUID(), Instant.EPOCH, "l", 1, "rr", null, null, null, null, null, null);
        assertThat(ReReviewAdapter.toDomain(none)).isEqualTo(new ReReviewSubject("l", "rr", null, null, List.of(), null, null));
    }

    /** A field the contract gains must be kept by the case too (or left out on purpose, here). */
    @Test
    void the_cases_subject_has_the_contracts_fields_with_the_same_names() {
        Map<Class<?>, Class<?>> files = Map.of(ReReviewSubject.FileRef.class, FileRef.class);
        assertThat(RecordCopies.differences(ReReviewSubject.Product.class, PublicProduct.class)).isEmpty();
        assertThat(RecordCopies.differences(ReReviewSubject.Report.class, ReReviewRequested.Report.class, files)).isEmpty();
        assertThat(RecordCopies.differences(ReReviewSubject.Response.class, ReReviewRequested.Response.class, files)).isEmpty();
        assertThat(RecordCopies.differences(ReReviewSubject.FileRef.class, FileRef.class)).isEmpty();
    }
}
