package org.qingdan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.notification.delivery.domain.Contact;
import org.qingdan.notification.delivery.domain.NotificationPlan;
import org.qingdan.notification.delivery.domain.Planned;
import org.qingdan.notification.delivery.domain.Recipients;
import org.qingdan.notification.delivery.mail.TemplateRenderer;

/** Every planned notification has templates that render, in Chinese with English, with values escaped in HTML. */
class TemplatesTest {

    final TemplateRenderer renderer = new TemplateRenderer();
    final Recipients to = new Recipients("office@qingdan.local", "members@qingdan.local");
    final Optional<Contact> contact = Optional.of(new Contact("app-1", "张三", "z@bank.cn", "91100000100003962T", "甲银行", "产品"));

    @Test
    void every_event_plans_notifications_whose_templates_render() {
        for (DomainEvent event : ContractSamples.all()) {
            List<Planned> plan = NotificationPlan.forEvent(event, contact, to);
            assertThat(plan).as(event.getClass().getSimpleName()).isNotEmpty();
            for (Planned p : plan) {
                TemplateRenderer.Rendered r = renderer.render(p.template(), p.values());
                assertThat(r.subject()).as(p.template()).isNotBlank().doesNotContain("[(").doesNotContain("${");
                assertThat(r.text()).as(p.template()).contains("English").doesNotContain("[(");
                assertThat(r.html()).as(p.template()).contains("<html").doesNotContain("[[");
            }
        }
        assertThat(renderer.render("review-reminder", NotificationPlan.reminder("r1", "赵六", "z@x.cn", "产品",
                java.time.Instant.parse("2026-12-01T00:00:00Z")).get(0).values()).subject()).isEqualTo("评审提醒：产品");
    }

    @Test
    void what_an_applicant_typed_is_escaped_in_html_mail() {
        var values = new java.util.HashMap<String, Object>(java.util.Map.of("productName", "<script>alert(1)</script>",
                "applicantName", "甲", "callTitle", "征集", "formVersion", 1, "riskFlags", List.of()));
        values.put("contactName", "张三");
        TemplateRenderer.Rendered r = renderer.render("application-submitted", values);
        assertThat(r.html()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void the_returned_mail_lists_each_comment() {
        DomainEvent returned = ContractSamples.all().stream()
                .filter(e -> e instanceof org.qingdan.contracts.application.ApplicationReturnedForCorrection).findFirst().orElseThrow();
        Planned mail = NotificationPlan.forEvent(returned, Optional.empty(), to).get(0);
        assertThat(mail.recipient()).isEqualTo("mailto:zhangsan@bank.example.cn");
        assertThat(renderer.render(mail.template(), mail.values()).text()).contains("- product.name：名称含品牌信息");
    }
}
