package org.qingdan.listing.register.events;

import java.util.List;
import java.util.function.Function;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.listing.register.domain.ListedProduct;

/**
 * The listed product to and from the contracts' {@code PublicProduct}: from it where ReviewCompleted comes in, back to it
 * where an event or the public API hands the product on. Field for field; {@code ProductAdapterTest} keeps both ways
 * lossless.
 */
public final class ProductAdapter {

    public static ListedProduct toDomain(PublicProduct p) {
        return p == null ? null : new ListedProduct(p.applicationId(), p.callYear(), p.productName(), p.introduction(), p.productType(),
                p.scenarios(), p.otherScenarioDescription(), p.keyTechnologies(), p.goLiveDate(), toDomain(p.enterprise()),
                toDomain(p.leadApplicant()), map(p.participants(), ProductAdapter::toDomain),
                map(p.honours(), h -> new ListedProduct.PublicHonour(h.kind(), h.name(), h.date(), h.issuer())));
    }

    public static PublicProduct toContract(ListedProduct p) {
        return p == null ? null : new PublicProduct(p.applicationId(), p.callYear(), p.productName(), p.introduction(), p.productType(),
                p.scenarios(), p.otherScenarioDescription(), p.keyTechnologies(), p.goLiveDate(), toContract(p.enterprise()),
                toContract(p.leadApplicant()), map(p.participants(), ProductAdapter::toContract),
                map(p.honours(), h -> new PublicProduct.PublicHonour(h.kind(), h.name(), h.date(), h.issuer())));
    }

    private static ListedProduct.Organisation toDomain(PublicProduct.Organisation o) {
        return o == null ? null : new ListedProduct.Organisation(o.name(), o.uscc(), o.role());
    }

    private static PublicProduct.Organisation toContract(ListedProduct.Organisation o) {
        return o == null ? null : new PublicProduct.Organisation(o.name(), o.uscc(), o.role());
    }

    /** A list element by element; null stays null. */
    private static <A, B> List<B> map(List<A> list, Function<A, B> each) {
        return list == null ? null : list.stream().map(each).toList();
    }

    private ProductAdapter() {
    }
}
