package org.qingdan.review.reviewcase.events;

import java.util.List;
import java.util.function.Function;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.listing.FileRef;
import org.qingdan.contracts.listing.ReReviewRequested;
import org.qingdan.review.reviewcase.domain.ReReviewSubject;

/**
 * A re-review's subject to and from the contracts' records: from {@code ReReviewRequested} where it comes in, its
 * product, report and answers back where the REST API shows them. Field for field; {@code ReReviewAdapterTest} keeps
 * both ways lossless.
 */
public final class ReReviewAdapter {

    public static ReReviewSubject toDomain(ReReviewRequested e) {
        return new ReReviewSubject(e.aggregateId(), e.reReviewId(), toDomain(e.product()), toDomain(e.report()),
                map(e.responses(), ReReviewAdapter::toDomain), e.reason(), e.requestedAt());
    }

    public static ReReviewSubject.Product toDomain(PublicProduct p) {
        return p == null ? null : new ReReviewSubject.Product(p.applicationId(), p.callYear(), p.productName(), p.introduction(),
                p.productType(), p.scenarios(), p.otherScenarioDescription(), p.keyTechnologies(), p.goLiveDate(), toDomain(p.enterprise()),
                toDomain(p.leadApplicant()), map(p.participants(), ReReviewAdapter::toDomain),
                map(p.honours(), h -> new ReReviewSubject.Product.PublicHonour(h.kind(), h.name(), h.date(), h.issuer())));
    }

    public static PublicProduct toContract(ReReviewSubject.Product p) {
        return p == null ? null : new PublicProduct(p.applicationId(), p.callYear(), p.productName(), p.introduction(), p.productType(),
                p.scenarios(), p.otherScenarioDescription(), p.keyTechnologies(), p.goLiveDate(), toContract(p.enterprise()),
                toContract(p.leadApplicant()), map(p.participants(), ReReviewAdapter::toContract),
                map(p.honours(), h -> new PublicProduct.PublicHonour(h.kind(), h.name(), h.date(), h.issuer())));
    }

    public static ReReviewSubject.Report toDomain(ReReviewRequested.Report r) {
        return r == null ? null : new ReReviewSubject.Report(r.reportId(), r.kinds(), r.description(), r.occurredOn(), r.filedAt(),
                map(r.evidence(), ReReviewAdapter::toDomain));
    }

    public static ReReviewRequested.Report toContract(ReReviewSubject.Report r) {
        return r == null ? null : new ReReviewRequested.Report(r.reportId(), r.kinds(), r.description(), r.occurredOn(), r.filedAt(),
                map(r.evidence(), ReReviewAdapter::toContract));
    }

    public static ReReviewSubject.Response toDomain(ReReviewRequested.Response r) {
        return r == null ? null : new ReReviewSubject.Response(r.organisationName(), r.organisationUscc(), r.text(),
                map(r.files(), ReReviewAdapter::toDomain), r.respondedAt());
    }

    public static ReReviewRequested.Response toContract(ReReviewSubject.Response r) {
        return r == null ? null : new ReReviewRequested.Response(r.organisationName(), r.organisationUscc(), r.text(),
                map(r.files(), ReReviewAdapter::toContract), r.respondedAt());
    }

    private static ReReviewSubject.Product.Organisation toDomain(PublicProduct.Organisation o) {
        return o == null ? null : new ReReviewSubject.Product.Organisation(o.name(), o.uscc(), o.role());
    }

    private static PublicProduct.Organisation toContract(ReReviewSubject.Product.Organisation o) {
        return o == null ? null : new PublicProduct.Organisation(o.name(), o.uscc(), o.role());
    }

    private static ReReviewSubject.FileRef toDomain(FileRef f) {
        return f == null ? null : new ReReviewSubject.FileRef(f.id(), f.fileName(), f.mediaType(), f.size(), f.sha256(), f.uploadedAt());
    }

    private static FileRef toContract(ReReviewSubject.FileRef f) {
        return f == null ? null : new FileRef(f.id(), f.fileName(), f.mediaType(), f.size(), f.sha256(), f.uploadedAt());
    }

    /** A list element by element; null stays null. */
    private static <A, B> List<B> map(List<A> list, Function<A, B> each) {
        return list == null ? null : list.stream().map(each).toList();
    }

    private ReReviewAdapter() {
    }
}
