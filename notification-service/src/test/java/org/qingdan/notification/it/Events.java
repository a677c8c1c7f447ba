package org.qingdan.notification.it;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.application.ApplicationSubmitted;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ProductListed;
import org.qingdan.contracts.listing.ReReviewOpened;
import org.qingdan.contracts.samples.ContractSamples;

/** Events with a product name of their own, so each test finds its own mail. */
final class Events {

    static ApplicationSubmitted submitted(String applicationId, String productName) {
        ApplicationFormSnapshot f = ContractSamples.form();
        var p = f.product();
        ApplicationFormSnapshot form = new ApplicationFormSnapshot(f.applicant(), f.contact(), f.participants(), f.enterprise(),
                new ApplicationFormSnapshot.Product(productName, p.introduction(), p.keyTechnologies(), p.goLiveDate(), p.honours(),
                        p.productType(), p.scenarios(), p.otherScenarioDescription()),
                f.selfAssessment(), f.operationalEvaluation(), f.supportingMaterials(), f.eligibility(), f.opinion(), f.commitment(),
                f.attachments());
        return new ApplicationSubmitted(UUID.randomUUID(), Instant.now(), applicationId, 1, ContractSamples.CALL, 1, "张三", form,
                List.of("major-latent-risk"));
    }

    static ProductListed listed(String listingId, String productName) {
        PublicProduct p = ContractSamples.product();
        PublicProduct product = new PublicProduct(listingId, p.callYear(), productName, p.introduction(), p.productType(),
                p.scenarios(), p.otherScenarioDescription(), p.keyTechnologies(), p.goLiveDate(), p.enterprise(), p.leadApplicant(),
                p.participants(), p.honours());
        return new ProductListed(UUID.randomUUID(), Instant.now(), listingId, 2, product, Instant.now(), 3);
    }

    static ProductDelisted delisted(String listingId, String productName) {
        return new ProductDelisted(UUID.randomUUID(), Instant.now(), listingId, 9, listed(listingId, productName).product(),
                ProductDelisted.DelistingReason.ART5_EXCLUSION, ExclusionGround.UNRESOLVED_COMPLAINTS, "使用单位投诉未能及时化解",
                Instant.now(), 20);
    }

    static ReReviewOpened reReviewOpened(String listingId, String productName, long version) {
        return new ReReviewOpened(UUID.randomUUID(), Instant.now(), listingId, version, "rr-" + listingId, productName, Instant.now());
    }

    private Events() {
    }
}
