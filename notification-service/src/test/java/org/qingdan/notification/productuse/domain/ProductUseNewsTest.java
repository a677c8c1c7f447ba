package org.qingdan.notification.productuse.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.EventCatalog;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ReReviewConcluded;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.notification.delivery.domain.Channel;
import org.qingdan.notification.delivery.domain.Planned;
import org.qingdan.notification.delivery.mail.TemplateRenderer;
import org.qingdan.notification.webhook.domain.Subscription;

class ProductUseNewsTest {

    @Test
    void a_re_review_its_outcome_a_correction_and_a_delisting_are_news_and_nothing_else_is() {
        List<String> news = ContractSamples.all().stream().filter(e -> ProductUseNews.of(e).isPresent())
                .map(e -> EventCatalog.entryFor(e.getClass()).type()).toList();
        assertThat(news).containsExactlyInAnyOrderElementsOf(ProductUseNews.TYPES);
        // public facts only: a member's webhook never carries what listing.office.events says
        for (String type : ProductUseNews.TYPES) {
            assertThat(EventCatalog.byType(type).orElseThrow().topic()).as(type).isEqualTo(Topics.LISTING_EVENTS);
        }
        assertThat(Subscription.MEMBER_EVENT_TYPES).isEqualTo(ProductUseNews.TYPES);
    }

    @Test
    void only_a_delisting_ends_the_news_and_it_names_the_reason() {
        for (DomainEvent e : ContractSamples.all()) {
            ProductUseNews.of(e).ifPresent(n -> {
                assertThat(n.endsUse()).as(e.getClass().getSimpleName()).isEqualTo(e instanceof ProductDelisted);
                assertThat(n.listingId()).isEqualTo(e.aggregateId());
            });
        }
        ProductUseNews delisted = ContractSamples.all().stream().filter(e -> e instanceof ProductDelisted)
                .map(e -> ProductUseNews.of(e).orElseThrow()).findFirst().orElseThrow();
        assertThat(delisted.detail()).contains("使用单位投诉未能及时化解");
        ProductUseNews kept = ContractSamples.all().stream().filter(e -> e instanceof ReReviewConcluded)
                .map(e -> ProductUseNews.of(e).orElseThrow()).findFirst().orElseThrow();
        assertThat(kept.headline()).isEqualTo("复核结论：复核保留");
    }

    @Test
    void a_member_hears_in_its_inbox_and_by_mail_where_an_address_is_known_and_the_templates_render() {
        ProductUseNews news = ContractSamples.all().stream().map(ProductUseNews::of).flatMap(java.util.Optional::stream)
                .findFirst().orElseThrow();
        List<Planned> withMail = news.toMember("91100000100003962T", "甲银行", "it@bank.cn", "张三");
        assertThat(withMail).extracting(Planned::channel, Planned::recipient)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, "mailto:it@bank.cn"),
                        org.assertj.core.groups.Tuple.tuple(Channel.INBOX, "org:91100000100003962T"));
        assertThat(news.toMember("91100000100003962T", "甲银行", null, null)).extracting(Planned::channel).containsExactly(Channel.INBOX);
        TemplateRenderer renderer = new TemplateRenderer();
        for (DomainEvent e : ContractSamples.all()) {
            ProductUseNews.of(e).ifPresent(n -> {
                TemplateRenderer.Rendered r = renderer.render(ProductUseNews.TEMPLATE, n.toMember("u", "甲银行", "a@b.cn", "张三").get(0).values());
                assertThat(r.subject()).startsWith("在用产品动态：").contains(n.productName()).contains(n.headline());
                assertThat(r.text()).contains("English").contains(n.detail()).doesNotContain("[(");
                assertThat(r.html()).contains("<html").doesNotContain("[[");
            });
        }
    }
}
