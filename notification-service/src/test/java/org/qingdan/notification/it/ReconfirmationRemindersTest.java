package org.qingdan.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ProductListed;
import org.qingdan.contracts.listing.Reconfirmed;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.notification.delivery.ReconfirmationReminders;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lead is reminded of its yearly re-confirmation 30, 7 and 0 days before the anniversary, by mail and in its inbox,
 * once however many runs (or instances) there are; a stage already past is skipped for the latest due; a delisted
 * product is not reminded; a re-confirmation starts the next year's reminders.
 */
class ReconfirmationRemindersTest extends NotificationIntegrationTest {

    static final String CONTACT = MailTest.CONTACT;

    @Autowired
    ReconfirmationReminders reconfirmations;
    @Autowired
    org.qingdan.notification.contact.ContactBook contacts;

    /**
     * What the listener does with these events, without their own mails (a listing or delisting mails every member, and
     * other tests read those mails): the contact book and the reminders learn them.
     */
    void learn(org.qingdan.contracts.DomainEvent event) {
        contacts.learn(event);
        reconfirmations.learn(event);
    }

    /** The sample product under a name of its own: other tests read the mails of the sample product. */
    static org.qingdan.contracts.form.PublicProduct product() {
        var p = ContractSamples.product();
        return new org.qingdan.contracts.form.PublicProduct(p.applicationId(), p.callYear(), "年度确认测试产品", p.introduction(), p.productType(),
                p.scenarios(), p.otherScenarioDescription(), p.keyTechnologies(), p.goLiveDate(), p.enterprise(), p.leadApplicant(),
                p.participants(), p.honours());
    }

    /** Listed so that the anniversary falls {@code dueIn} from now. */
    static ProductListed listedDueIn(String listingId, Duration dueIn) {
        Instant due = Instant.now().plus(dueIn);
        Instant listedAt = due.atZone(java.time.ZoneId.of("Asia/Shanghai")).minusYears(1).toInstant();
        return new ProductListed(UUID.randomUUID(), Instant.now(), listingId, 3, product(), listedAt, 20);
    }

    long reminders(String listingId) {
        return mongo.getCollection("notifications").countDocuments(new Document("eventType", "listing.reconfirmation-reminder")
                .append("aggregateId", listingId).append("recipient", "org:" + ContractSamples.BANK_USCC));
    }

    @Test
    void the_lead_is_reminded_once_per_stage_and_never_for_a_delisted_product() throws Exception {
        learn(ContractSamples.accepted("reconfirm-1")); // the contact book learns the lead's designated contact
        learn(listedDueIn("reconfirm-1", Duration.ofDays(20)));
        learn(listedDueIn("reconfirm-2", Duration.ofDays(-2))); // overdue already: only the last stage
        learn(listedDueIn("reconfirm-3", Duration.ofDays(5)));
        learn(new ProductDelisted(UUID.randomUUID(), Instant.now(), "reconfirm-3", 5, product(),
                ProductDelisted.DelistingReason.OTHER, null, "逾期", Instant.now(), 21));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("reconfirmations").countDocuments(
                new Document("_id", new Document("$in", java.util.List.of("reconfirm-1", "reconfirm-2", "reconfirm-3")))) == 3
                && mongo.getCollection("reconfirmations").countDocuments(new Document("_id", "reconfirm-3").append("open", false)) == 1);
        // two runs (two instances, or one twice): one reminder each
        reconfirmations.remind();
        reconfirmations.remind();
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders("reconfirm-1") == 1 && reminders("reconfirm-2") == 1);
        assertThat(reminders("reconfirm-3")).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails(CONTACT, "年度确认提醒：年度确认测试产品").isEmpty());
        // the 30-day stage went out; the 7-day one waits; the overdue one is closed after its last stage
        assertThat(mongo.getCollection("reconfirmations").find(new Document("_id", "reconfirm-1")).first().getInteger("stage")).isEqualTo(1);
        assertThat(mongo.getCollection("reconfirmations").find(new Document("_id", "reconfirm-2")).first().getBoolean("open")).isFalse();

        // re-confirmed: next year's reminders, from the first stage
        Instant next = Instant.now().plus(365, ChronoUnit.DAYS);
        learn(new Reconfirmed(UUID.randomUUID(), Instant.now(), "reconfirm-2", 7, "年度确认测试产品", Instant.now(), next));
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(
                mongo.getCollection("reconfirmations").find(new Document("_id", "reconfirm-2")).first().getBoolean("open")));
        reconfirmations.remind();
        assertThat(reminders("reconfirm-2")).isEqualTo(1);
        assertThat(mongo.getCollection("reconfirmations").listIndexes().into(new java.util.ArrayList<>()))
                .anySatisfy(i -> assertThat(i.get("key", Document.class).keySet()).containsExactly("open", "remindAt"));
    }
}
