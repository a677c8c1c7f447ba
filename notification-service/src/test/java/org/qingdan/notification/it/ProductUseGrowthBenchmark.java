package org.qingdan.notification.it;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.qingdan.notification.productuse.domain.ProductUse;
import org.qingdan.notification.productuse.persistence.ListedProductCatalogue;
import org.qingdan.notification.productuse.persistence.ProductUseStore;
import org.qingdan.support.security.Roles;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.bench.GrowthTable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 我行在用 at 100, 1,000 and 10,000 stored marks (ten per listed product, a hundred organisations), on the real wire
 * server: a page of the fan-out (a product's active marks after a cursor, as each piece of news reads them), the
 * office's paged counts and one product's exact count, a member's own marks and the list to choose from, and a mark
 * with its recount then its unmark (the write path). The marks and the catalogue are filled directly. Prints a table;
 * asserts nothing. Run with {@code -Dbench.growth=true} (README, "Art. 12 at 100, 1,000 and 10,000").
 */
@EnabledIfSystemProperty(named = "bench.growth", matches = "true")
class ProductUseGrowthBenchmark extends NotificationIntegrationTest {

    static final int PER_PRODUCT = 10;
    static final int ORGANISATIONS = 100;
    static final int READS = 200;

    @Autowired
    ProductUseStore marks;
    @Autowired
    ListedProductCatalogue catalogue;

    @Test
    void marks_at_growing_sizes() {
        GrowthTable table = new GrowthTable("我行在用 (notification-service)");
        String office = HttpApi.token("office", null, null, Roles.OFFICE);
        int stored = 0;
        for (int size : GrowthTable.sizes()) {
            for (; stored < size; stored++) {
                int i = stored;
                String listing = "bench-p-" + (i / PER_PRODUCT);
                if (i % PER_PRODUCT == 0) {
                    catalogue.learn(Events.listed(listing, "基准产品" + (i / PER_PRODUCT)));
                }
                marks.insert(new ProductUse(org(i % ORGANISATIONS), "会员单位" + (i % ORGANISATIONS), listing, "基准产品" + (i / PER_PRODUCT),
                        Instant.now(), "u" + i, "用户" + i, null, null));
                if (i % PER_PRODUCT == PER_PRODUCT - 1) {
                    catalogue.setUsers(listing, PER_PRODUCT);
                }
            }
            table.at(size);
            int products = size / PER_PRODUCT;
            int pages = Math.max(1, Math.min(10, products / 20));
            table.time("fan-out page: a product's active marks (`ProductUseStore.activeAfter`, 200 a page)", READS,
                    r -> marks.activeAfter("bench-p-" + (r % products), null, 200));
            table.time("office's counts page `GET /api/product-use/counts?page=0…9`", READS,
                    r -> ok(api.get("/api/product-use/counts?size=20&page=" + (r % pages), office)));
            table.time("one product's exact count `GET /api/product-use/counts/{id}`", READS,
                    r -> ok(api.get("/api/product-use/counts/bench-p-" + (r % products), office)));
            table.time("a member's own marks `GET /api/product-use/mine`", READS,
                    r -> ok(api.get("/api/product-use/mine?size=20", member(r % ORGANISATIONS))));
            table.time("the list to choose from `GET /api/product-use/listed?page=0…9`", READS,
                    r -> ok(api.get("/api/product-use/listed?size=20&page=" + (r % pages), member(r % ORGANISATIONS))));
            table.time("mark and recount `PUT /api/product-use/mine/{id}`, then unmark `DELETE`", READS / 2, r -> {
                String token = member(ORGANISATIONS + r); // an organisation of its own: always a new mark
                ok(api.put("/api/product-use/mine/bench-p-" + (r % products), token, ""), 201);
                ok(api.delete("/api/product-use/mine/bench-p-" + (r % products), token), 204);
            });
        }
        System.out.println(table.markdown());
    }

    /** A made-up organisation code per number: marks need no valid USCC. */
    private static String org(int n) {
        return String.format("BENCH%013d", n);
    }

    private static String member(int n) {
        return HttpApi.token("bench-" + n, org(n), "会员单位" + n, Roles.APPLICANT);
    }

    private static void ok(HttpApi.Response response) {
        ok(response, 200);
    }

    private static void ok(HttpApi.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.status() + " " + response.body());
        }
    }
}
