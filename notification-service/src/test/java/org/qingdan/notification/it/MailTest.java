package org.qingdan.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.listing.ObjectionDecided;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.JsonShape;
import org.qingdan.support.security.Roles;

class MailTest extends NotificationIntegrationTest {

    static final String CONTACT = "zhangsan@bank.example.cn";
    static final String OFFICE = "office@qingdan.local";
    static final String MEMBERS = "members@qingdan.local";

    @Test
    void every_event_type_mails_the_right_recipient_with_its_content() throws Exception {
        // the contact is learned from the application's events, then listing events reach it too
        send(ContractSamples.accepted("listing-1"));
        Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("application.submitted.v1", List.of(CONTACT, "申报已提交", OFFICE, "新申报"));
        expected.put("application.resubmitted.v1", List.of(CONTACT, "申报已提交"));
        expected.put("application.withdrawn.v1", List.of(OFFICE, "申报撤回"));
        expected.put("application.returned-for-correction.v1", List.of(CONTACT, "申报退回补正"));
        expected.put("application.accepted.v1", List.of(CONTACT, "申报已受理"));
        expected.put("application.not-accepted.v1", List.of(CONTACT, "申报不予受理"));
        expected.put("application.call-opened.v1", List.of(MEMBERS, "征集开始"));
        expected.put("application.call-closed.v1", List.of(MEMBERS, "征集结束"));
        expected.put("application.participant-named.v1", List.of("contact@vendor.example.cn", "参与机构确认"));
        expected.put("review.reviewer-assigned.v1", List.of("zhaoliu@expert.example.cn", "评审任务"));
        expected.put("review.reviewer-unassigned.v1", List.of("sunba@expert.example.cn", "评审任务已撤回"));
        expected.put("review.discussion-posted.v1", List.of("qianqi@expert.example.cn", "专家讨论有新发言", OFFICE, "专家讨论有新发言"));
        expected.put("review.completed.v1", List.of(CONTACT, "审核结果"));
        expected.put("listing.public-notice-started.v1", List.of(MEMBERS, "清单公示", CONTACT, "清单公示"));
        expected.put("listing.product-listed.v1", List.of(MEMBERS, "纳入清单"));
        expected.put("listing.product-delisted.v1", List.of(MEMBERS, "移出清单", CONTACT, "移出清单"));
        expected.put("listing.objection-lodged.v1", List.of(OFFICE, "公示异议"));
        expected.put("listing.objection-decided.v1", List.of(CONTACT, "公示异议处理结果"));
        expected.put("listing.self-assessment-updated.v1", List.of(OFFICE, "年度确认：自主评估已更新"));
        for (DomainEvent event : ContractSamples.all()) {
            send(event);
        }
        for (var entry : expected.entrySet()) {
            List<String> pairs = entry.getValue();
            for (int i = 0; i < pairs.size(); i += 2) {
                String to = pairs.get(i);
                String subject = pairs.get(i + 1);
                await(entry.getKey() + " → " + to).atMost(Duration.ofSeconds(20))
                        .until(() -> !mails(to, subject).isEmpty());
            }
        }
        MimeMessage returned = mails(CONTACT, "申报退回补正").get(0);
        String body = content(returned);
        assertThat(body).contains("名称含品牌信息").contains("product.name").contains("English").contains("returned for correction");
        assertThat(returned.getContentType()).startsWith("multipart/");
        assertThat(content(mails(MEMBERS, "移出清单").get(0))).contains("使用单位投诉未能及时化解");
        // the correction deadline in the return; the refusal with its reason; the call with its dates, to every member
        assertThat(body).contains("补正期限为 2026-12-13 16:00").contains("逾期未补正的，不予受理");
        assertThat(content(mails(CONTACT, "申报不予受理").get(0))).contains("未在补正期限内补正").contains("逾期未补正：补正期限已过");
        assertThat(content(mails(MEMBERS, "征集开始").get(0))).contains("2026年度金融科技企业和产品清单征集")
                .contains("2026-11-28 16:00 至 2026-12-28 16:00");
        assertThat(mongo.getCollection("notifications").countDocuments(new Document("recipient", "all")
                .append("eventType", "application.call-opened.v1"))).isEqualTo(1);
        assertThat(content(mails(OFFICE, "新申报").get(0))).contains("major") ;
        // the ratings a lead declared at its re-confirmation reach the office, from listing.office.events
        assertThat(content(mails(OFFICE, "年度确认：自主评估已更新").get(0))).contains("风险防控：合格").contains("由优秀调为合格");
        // Art. 8: the participant is asked to confirm its role, by mail and in its organisation's inbox
        assertThat(content(mails("contact@vendor.example.cn", "参与机构确认").get(0))).contains("产品研发与运维").contains("协商一致");
        assertThat(mongo.getCollection("notifications").countDocuments(new Document("recipient", "org:" + ContractSamples.VENDOR_USCC)
                .append("eventType", "application.participant-named.v1"))).isEqualTo(1);
    }

    @Test
    void a_redelivered_event_sends_one_mail_per_recipient() throws Exception {
        var event = Events.submitted("dup-app-1", "重复投递测试产品");
        send(event);
        send(event);
        send(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(CONTACT, "重复投递测试产品").size() == 1 && mails(OFFICE, "重复投递测试产品").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mails(CONTACT, "重复投递测试产品").size() == 1);
        assertThat(mongo.getCollection("notifications").countDocuments(new Document("eventId", event.eventId().toString()))).isEqualTo(4);
        // the mail is known by its notification: were it ever sent again, the copy would carry the same Message-ID
        String notificationId = notification(event.eventId().toString(), "mailto:" + CONTACT).getString("_id");
        assertThat(mails(CONTACT, "重复投递测试产品").get(0).getMessageID()).isEqualTo("<" + notificationId + "@qingdan.local>");
    }

    @Test
    void a_mail_sent_again_carries_the_message_id_of_the_first_sending() throws Exception {
        var mail = new org.qingdan.notification.delivery.mail.MailGateway.Mail("again-1", CONTACT, "再次发送测试", "再", "<p>再</p>");
        assertThat(gateway.sendAll(List.of(mail))).isEmpty();
        assertThat(gateway.sendAll(List.of(mail))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> mails(CONTACT, "再次发送测试").size() == 2);
        List<String> ids = new java.util.ArrayList<>();
        for (MimeMessage m : mails(CONTACT, "再次发送测试")) {
            ids.add(m.getMessageID());
        }
        assertThat(ids).containsExactly("<again-1@qingdan.local>", "<again-1@qingdan.local>");
    }

    @Autowired
    org.qingdan.notification.delivery.mail.MailGateway gateway;

    @Test
    void a_batch_goes_over_one_connection_and_a_mail_that_cannot_be_sent_fails_alone() {
        Map<String, String> failures = gateway.sendAll(List.of(
                new org.qingdan.notification.delivery.mail.MailGateway.Mail("one", CONTACT, "批量发送一", "一", "<p>一</p>"),
                new org.qingdan.notification.delivery.mail.MailGateway.Mail("bad", "<<not an address>>", "批量发送坏", "坏", "<p>坏</p>"),
                new org.qingdan.notification.delivery.mail.MailGateway.Mail("three", CONTACT, "批量发送三", "三", "<p>三</p>")));
        assertThat(failures).containsOnlyKeys("bad");
        assertThat(failures.get("bad")).contains("AddressException");
        await().atMost(Duration.ofSeconds(10)).until(() -> mails(CONTACT, "批量发送一").size() == 1 && mails(CONTACT, "批量发送三").size() == 1);
    }

    @Test
    void a_burst_of_mail_is_sent_in_batches_each_mail_once() throws Exception {
        List<String> products = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String product = "批量到达测试产品" + i + "号";
            products.add(product);
            send(Events.submitted("burst-app-" + i, product));
        }
        // one pass over the received mail per check (30 passes each took seconds on a loaded machine)
        java.util.function.Function<String, Map<String, Long>> perProduct = to -> mails(to, "批量到达测试产品").stream()
                .map(m -> products.stream().filter(p -> subject(m).contains(p)).findFirst().orElse("?"))
                .collect(java.util.stream.Collectors.groupingBy(p -> p, java.util.stream.Collectors.counting()));
        Map<String, Long> once = products.stream().collect(java.util.stream.Collectors.toMap(p -> p, p -> 1L));
        await().atMost(Duration.ofSeconds(30)).until(() -> perProduct.apply(CONTACT).equals(once) && perProduct.apply(OFFICE).equals(once));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> perProduct.apply(CONTACT).equals(once));
    }

    @Test
    void mail_waits_while_the_smtp_server_is_down_and_arrives_when_it_is_back() throws Exception {
        stopSmtp();
        var event = Events.submitted("down-app-1", "断线恢复测试产品");
        send(event);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document n = notification(event.eventId().toString(), "mailto:" + CONTACT);
            return n != null && n.getString("lastError") != null;
        });
        smtp = startSmtp();
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(CONTACT, "断线恢复测试产品").size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "DELIVERED".equals(notification(event.eventId().toString(), "mailto:" + CONTACT).getString("status")));
    }

    @Test
    void a_mail_that_keeps_failing_ends_failed_with_its_reason_and_the_office_retries_it() throws Exception {
        stopSmtp();
        var event = Events.submitted("fail-app-1", "最终失败测试产品");
        send(event);
        String recipient = "mailto:" + CONTACT;
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            Document n = notification(event.eventId().toString(), recipient);
            return n != null && "FAILED".equals(n.getString("status"));
        });
        Document failed = notification(event.eventId().toString(), recipient);
        assertThat(failed.getInteger("attempts")).isEqualTo(3);
        assertThat(failed.getString("lastError")).isNotBlank();
        String office = HttpApi.token("office", null, null, Roles.OFFICE);
        assertThat(api.get("/api/notifications/deliveries?status=FAILED", office).body()).contains(failed.getString("_id"));
        // the fields and order the office read when the list answered the stored documents
        assertThat(JsonShape.of(api.get("/api/notifications/deliveries?status=FAILED", office).json())).isEqualTo("[{id:s,eventId:s,"
                + "eventType:s,aggregateId:s,channel:s,recipient:s,recipientName:s,subject:s,text:s,html:s,status:s,attempts:0,lastError:s,"
                + "nextAttemptAt:tZ,leaseUntil:tZ,createdAt:tZ,deliveredAt:null,readBy:[]}]");
        assertThat(api.get("/api/notifications/deliveries?status=FAILED", HttpApi.token("applicant-a", "91100000100003962T", "甲", Roles.APPLICANT)).status())
                .isEqualTo(403);

        smtp = startSmtp();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.post("/api/notifications/deliveries/" + failed.getString("_id") + "/retry", office, "").status() == 200
                || mails(CONTACT, "最终失败测试产品").size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(CONTACT, "最终失败测试产品").size() == 1);
    }

    @Test
    void an_upheld_objection_is_publicised_to_all_members() throws Exception {
        var sample = ContractSamples.all().stream().filter(e -> e instanceof ObjectionDecided).map(ObjectionDecided.class::cast).findFirst().orElseThrow();
        var upheld = new ObjectionDecided(java.util.UUID.randomUUID(), sample.occurredAt(), "upheld-1", 3, "o-9",
                ObjectionDecided.Outcome.UPHELD, "经核实存在弄虚作假", sample.product(), 15);
        send(upheld);
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails(MEMBERS, "公示异议处理结果").isEmpty());
    }

    @Autowired
    org.qingdan.notification.delivery.ReviewReminders reminders;

    @Test
    void a_reviewer_is_reminded_once_before_the_deadline() throws Exception {
        var assigned = new org.qingdan.contracts.review.ReviewerAssigned(java.util.UUID.randomUUID(), java.time.Instant.now(),
                "case-remind", 2, "remind-app", "提醒测试产品", "reviewer7", "钱七", "qianqi@expert.example.cn",
                "911301006789123452", java.time.Instant.now().plus(Duration.ofDays(1)), "office");
        send(assigned);
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails("qianqi@expert.example.cn", "评审任务").isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection("assignments").countDocuments(new Document("applicationId", "remind-app")) == 1);
        reminders.remind();
        reminders.remind();
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("qianqi@expert.example.cn", "评审提醒：提醒测试产品").size() == 1);
        assertThat(mails("qianqi@expert.example.cn", "评审提醒").stream().filter(m -> {
            try {
                return m.getSubject().contains("提醒测试产品");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        })).hasSize(1);
    }

    @Autowired
    org.qingdan.notification.delivery.CorrectionReminders corrections;

    static org.qingdan.contracts.application.ApplicationReturnedForCorrection returned(String applicationId, String product,
                                                                                        java.time.Instant due) {
        return new org.qingdan.contracts.application.ApplicationReturnedForCorrection(java.util.UUID.randomUUID(),
                java.time.Instant.now(), applicationId, 3, "call-2026", 1, ContractSamples.BANK_USCC, product, ContractSamples.CONTACT,
                List.of(new org.qingdan.contracts.application.ApplicationReturnedForCorrection.FieldComment("product.name", "请修改")),
                "office", due);
    }

    @Test
    void the_applicant_is_reminded_once_before_the_correction_deadline_and_not_after_correcting() throws Exception {
        send(returned("correct-remind-1", "补正提醒测试产品", java.time.Instant.now().plus(Duration.ofDays(1))));
        send(returned("correct-remind-2", "已补正测试产品", java.time.Instant.now().plus(Duration.ofDays(1))));
        send(new org.qingdan.contracts.application.ApplicationResubmitted(java.util.UUID.randomUUID(), java.time.Instant.now(),
                "correct-remind-2", 4, ContractSamples.CALL, 2, 1, "张三", ContractSamples.form(), List.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("corrections")
                .countDocuments(new Document("applicationId", "correct-remind-2").append("open", false)) == 1
                && mongo.getCollection("corrections").countDocuments(new Document("applicationId", "correct-remind-1")) == 1);
        // two runs (two instances, or one twice): one reminder
        corrections.remind();
        corrections.remind();
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(CONTACT, "补正即将到期：补正提醒测试产品").size() == 1);
        assertThat(content(mails(CONTACT, "补正即将到期：补正提醒测试产品").get(0))).contains("逾期未补正并重新提交的，将不予受理");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                mails(CONTACT, "补正即将到期：补正提醒测试产品").size() == 1 && mails(CONTACT, "补正即将到期：已补正测试产品").isEmpty());
        assertThat(mongo.getCollection("notifications").countDocuments(new Document("eventType", "application.correction-reminder")
                .append("aggregateId", "correct-remind-1").append("recipient", "org:" + ContractSamples.BANK_USCC))).isEqualTo(1);
        // the reminders due are found on an index of exactly the query's keys
        assertThat(mongo.getCollection("corrections").listIndexes().into(new java.util.ArrayList<>()))
                .anySatisfy(i -> assertThat(i.get("key", Document.class).keySet()).containsExactly("open", "remindAt"));
    }

    @Test
    void no_reminder_for_a_withdrawn_application_even_when_the_assignment_arrives_after_the_withdrawal() throws Exception {
        // different topics, no order between them: the withdrawal first, then an assignment made just before it
        var withdrawn = ContractSamples.withdrawn("late-assign-app");
        send(withdrawn);
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("endedApplications")
                .countDocuments(new Document("_id", "late-assign-app")) == 1);
        send(new org.qingdan.contracts.review.ReviewerAssigned(java.util.UUID.randomUUID(), java.time.Instant.now(), "case-late", 2,
                "late-assign-app", "撤回后分配产品", "expert-late", "专家迟", "late-assign@expert.example.cn", "911301006789123452",
                java.time.Instant.now().plus(Duration.ofHours(1)), "office"));
        // learned, and closed at once (without the withdrawal's tombstone it would stay open and be reminded)
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("assignments")
                .countDocuments(new Document("applicationId", "late-assign-app").append("open", false)) == 1);
        reminders.remind();
        assertThat(mails("late-assign@expert.example.cn", "评审提醒")).isEmpty();
    }

    @Test
    void an_expert_who_submitted_stepped_aside_or_was_taken_off_is_not_reminded() throws Exception {
        java.time.Instant due = java.time.Instant.now().plus(Duration.ofDays(1));
        for (String expert : List.of("done", "recused", "removed", "late")) {
            send(new org.qingdan.contracts.review.ReviewerAssigned(java.util.UUID.randomUUID(), java.time.Instant.now(), "case-quiet", 2,
                    "quiet-app", "安静测试产品", "expert-" + expert, "专家" + expert, expert + "@expert.example.cn", "911301006789123452",
                    due, "office"));
        }
        send(new org.qingdan.contracts.review.ReviewSubmitted(java.util.UUID.randomUUID(), java.time.Instant.now(), "case-quiet", 3,
                "quiet-app", "安静测试产品", "expert-done", java.time.Instant.now()));
        send(new org.qingdan.contracts.review.ReviewerRecused(java.util.UUID.randomUUID(), java.time.Instant.now(), "case-quiet", 4,
                "quiet-app", "安静测试产品", "expert-recused", "专家recused"));
        send(new org.qingdan.contracts.review.ReviewerUnassigned(java.util.UUID.randomUUID(), java.time.Instant.now(), "case-quiet", 5,
                "quiet-app", "安静测试产品", "expert-removed", "专家removed", "removed@expert.example.cn", "office"));
        // the expert taken off is told
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails("removed@expert.example.cn", "评审任务已撤回：安静测试产品").isEmpty());
        // the office hears of the recusal, to assign someone else
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails(OFFICE, "专家回避：安静测试产品").isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection("assignments")
                .countDocuments(new Document("applicationId", "quiet-app").append("open", true)) == 1);
        reminders.remind();
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("late@expert.example.cn", "评审提醒：安静测试产品").size() == 1);
        assertThat(mails("done@expert.example.cn", "评审提醒")).isEmpty();
        assertThat(mails("recused@expert.example.cn", "评审提醒")).isEmpty();
        assertThat(mails("removed@expert.example.cn", "评审提醒")).isEmpty();
    }

    @Test
    void a_post_in_a_discussion_is_told_to_its_readers_without_its_text() throws Exception {
        var posted = new org.qingdan.contracts.review.DiscussionPosted(java.util.UUID.randomUUID(), java.time.Instant.now(), "post-talk-1", 0,
                "talk-app", "讨论测试产品", "EXPERT", "专家一", java.time.Instant.parse("2026-12-02T02:30:00Z"), List.of(
                        new org.qingdan.contracts.review.DiscussionPosted.Reader("expert-2", "钱七", "qianqi-talk@expert.example.cn"),
                        new org.qingdan.contracts.review.DiscussionPosted.Reader("expert-3", "孙八", null)));
        send(posted);
        send(posted); // redelivered: told once
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails("qianqi-talk@expert.example.cn", "专家讨论有新发言：讨论测试产品").isEmpty()
                && !mails(OFFICE, "专家讨论有新发言：讨论测试产品").isEmpty());
        String body = content(mails("qianqi-talk@expert.example.cn", "专家讨论有新发言：讨论测试产品").get(0));
        assertThat(body).contains("钱七专家，您好").contains("专家一于 2026-12-02 10:30").contains("不随邮件发送");
        // the expert without an address, and the committee, hear of it in their inbox; nobody twice
        for (String inbox : List.of("user:expert-2", "user:expert-3", "role:office", "role:committee")) {
            assertThat(mongo.getCollection("notifications").countDocuments(new Document("eventId", posted.eventId().toString())
                    .append("recipient", inbox))).as(inbox).isEqualTo(1);
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> mails("qianqi-talk@expert.example.cn", "专家讨论有新发言：讨论测试产品").size() == 1);
        // the office's own post is not told back to the office
        var byOffice = new org.qingdan.contracts.review.DiscussionPosted(java.util.UUID.randomUUID(), java.time.Instant.now(), "post-talk-2", 0,
                "talk-app", "讨论测试产品", "OFFICE", "专委会办公室", java.time.Instant.now(), List.of());
        send(byOffice);
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("notifications")
                .countDocuments(new Document("eventId", byOffice.eventId().toString())) == 1);
        assertThat(mongo.getCollection("notifications").find(new Document("eventId", byOffice.eventId().toString())).first()
                .getString("recipient")).isEqualTo("role:committee");
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String content(MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        // decode the quoted-printable/base64 parts by reading them through the mail API
        StringBuilder text = new StringBuilder();
        collect(message.getContent(), text);
        return text.toString();
    }

    private static void collect(Object content, StringBuilder text) throws Exception {
        if (content instanceof String s) {
            text.append(s);
        } else if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i).getContent(), text);
            }
        }
    }
}
