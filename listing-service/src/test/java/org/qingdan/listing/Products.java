package org.qingdan.listing;

import java.time.LocalDate;
import java.util.List;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.HonourKind;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.listing.register.domain.ListedProduct;
import org.qingdan.listing.register.events.ProductAdapter;

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

    /** A product with every field set (two scenarios, the other one described; every organisation with its role). */
    public static PublicProduct fullProduct(String applicationId, String name) {
        return new PublicProduct(applicationId, 2026, name, name + "的产品简介。", ProductType.TECHNOLOGY_INNOVATION,
                List.of(ApplicationScenario.RISK_MANAGEMENT, ApplicationScenario.OTHER), "贷后预警", List.of("大数据", "人工智能"),
                LocalDate.of(2024, 3, 1), new PublicProduct.Organisation("北京智信科技有限公司", "91110108551385082Q", "产品所属企业"),
                new PublicProduct.Organisation("甲银行股份有限公司", "91130100100003962C", "牵头申报单位"),
                List.of(new PublicProduct.Organisation("乙科技有限公司", "911301027356003226", "研发"),
                        new PublicProduct.Organisation("丙银行股份有限公司", "91130100401234561E", "场景提供")),
                List.of(new PublicProduct.PublicHonour(HonourKind.PATENT, "一种方法", LocalDate.of(2023, 1, 1), "国家知识产权局"),
                        new PublicProduct.PublicHonour(HonourKind.AWARD, "金融科技发展奖", LocalDate.of(2024, 11, 1), "中国人民银行")));
    }

    /** The product as the list keeps it. */
    public static ListedProduct listed(String applicationId, String name, String enterprise, ProductType type,
                                       List<ApplicationScenario> scenarios, int year) {
        return ProductAdapter.toDomain(product(applicationId, name, enterprise, type, scenarios, year));
    }

    /** The product as the list keeps it. */
    public static ListedProduct listed(String applicationId, String name) {
        return ProductAdapter.toDomain(product(applicationId, name));
    }

    private Products() {
    }
}
