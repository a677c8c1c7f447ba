package org.qingdan.listing;

import java.time.LocalDate;
import java.util.List;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.HonourKind;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.form.PublicProduct;

/** Public product pages for tests. */
public final class Products {

    public static PublicProduct product(String applicationId, String name, String enterprise, ProductType type,
                                        List<ApplicationScenario> scenarios, int year) {
        return new PublicProduct(applicationId, year, name, name + "的产品简介。", type, scenarios, null, List.of("大数据", "人工智能"),
                LocalDate.of(2024, 3, 1), new PublicProduct.Organisation(enterprise, "91110108551385082Q", null),
                new PublicProduct.Organisation("甲银行股份有限公司", "91130100100003962C", "牵头申报单位"),
                List.of(new PublicProduct.Organisation(enterprise, "91110108551385082Q", "研发")),
                List.of(new PublicProduct.PublicHonour(HonourKind.PATENT, "一种方法", LocalDate.of(2023, 1, 1), "国家知识产权局")));
    }

    public static PublicProduct product(String applicationId, String name) {
        return product(applicationId, name, "北京智信科技有限公司", ProductType.TECHNOLOGY_INNOVATION,
                List.of(ApplicationScenario.RISK_MANAGEMENT), 2026);
    }

    private Products() {
    }
}
