package org.qingdan.listing.register.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.listing.Products;
import org.qingdan.listing.register.domain.ListedProduct;
import org.qingdan.testsupport.RecordCopies;

class ProductAdapterTest {

    @Test
    void a_product_with_every_field_set_comes_back_from_the_list_equal() {
        PublicProduct full = Products.fullProduct("app-1", "智能风控平台");
        assertThat(ProductAdapter.toContract(ProductAdapter.toDomain(full))).isEqualTo(full);
        assertThat(ProductAdapter.toContract(ProductAdapter.toDomain(ContractSamples.product()))).isEqualTo(ContractSamples.product());
    }

    @Test
    void gaps_stay_gaps() {
        PublicProduct sparse = new PublicProduct("app-2", 2026, "产品", null, null, null, null, null, null, null, null, null, null);
        assertThat(ProductAdapter.toContract(ProductAdapter.toDomain(sparse))).isEqualTo(sparse);
        assertThat(ProductAdapter.toDomain(null)).isNull();
    }

    /** A field the contract gains must be kept by the list too (or left out on purpose, here). */
    @Test
    void the_lists_product_has_the_contracts_fields_with_the_same_names() {
        assertThat(RecordCopies.differences(ListedProduct.class, PublicProduct.class)).isEmpty();
    }
}
