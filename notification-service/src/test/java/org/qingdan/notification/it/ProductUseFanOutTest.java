package org.qingdan.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.notification.productuse.ProductUseService;
import org.qingdan.notification.productuse.domain.ProductUse;
import org.qingdan.notification.productuse.persistence.ProductUseStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fan-out over more marks than one page (200): every marking organisation is told once, in pages read after the
 * last one's id, and telling again creates nothing. Prints how long each took (no assertion on time).
 */
class ProductUseFanOutTest extends NotificationIntegrationTest {

    static final int MEMBERS = 450;

    @Autowired
    ProductUseStore marks;
    @Autowired
    ProductUseService productUse;

    @Test
    void every_member_that_marked_the_product_is_told_once_across_pages() {
        for (int i = 0; i < MEMBERS; i++) {
            // no address: inbox only, so that the test measures the fan-out, not the mail server
            marks.insert(new ProductUse(String.format("ORG%05d", i), "会员单位 " + i, "fan-page-1", "分页通知测试产品", Instant.now(), "u" + i,
                    null, null, null));
        }
        marks.insert(new ProductUse("ORG-OTHER", "别的单位", "fan-page-2", "别的产品", Instant.now(), "x", null, null, null));
        var opened = Events.reReviewOpened("fan-page-1", "分页通知测试产品", 5);

        long started = System.nanoTime();
        productUse.tell(opened);
        long firstMs = (System.nanoTime() - started) / 1_000_000;
        long told = mongo.getCollection("notifications").countDocuments(new Document("eventId", opened.eventId().toString()));
        assertThat(told).isEqualTo(MEMBERS);
        assertThat(mongo.getCollection("notifications").countDocuments(new Document("eventId", opened.eventId().toString())
                .append("recipient", "org:ORG-OTHER"))).isZero();

        started = System.nanoTime();
        productUse.tell(opened); // redelivered
        long againMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(mongo.getCollection("notifications").countDocuments(new Document("eventId", opened.eventId().toString())))
                .isEqualTo(MEMBERS);
        System.out.printf("product-use fan-out to %d members: %d ms; redelivered: %d ms%n", MEMBERS, firstMs, againMs);
    }
}
