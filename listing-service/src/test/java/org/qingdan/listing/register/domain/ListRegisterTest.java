package org.qingdan.listing.register.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.listing.ProductDelisted.DelistingReason;
import org.qingdan.listing.Products;

class ListRegisterTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant AFTER_NOTICE = T0.plus(Duration.ofDays(7));

    static ListRegister noticed(String id) {
        return ListRegister.empty().startNotice(id, Products.product(id, "产品" + id), 7, T0).register();
    }

    static ListRegister listed(String id) {
        return noticed(id).listDue(AFTER_NOTICE).register();
    }

    @Test
    void notice_then_listed_at_the_end_of_notice_each_with_an_edition() {
        ListRegister.Outcome started = ListRegister.empty().startNotice("a1", Products.product("a1", "风控平台"), 7, T0);
        assertThat(started.events()).singleElement().isInstanceOf(RegisterEvent.NoticeStarted.class);
        assertThat(started.editions()).extracting(Edition::number).containsExactly(1L);
        assertThat(started.register().listing("a1").orElseThrow().noticeEndsAt()).isEqualTo(AFTER_NOTICE);

        assertThat(started.register().listDue(AFTER_NOTICE.minusSeconds(1)).events()).isEmpty();
        ListRegister.Outcome listed = started.register().listDue(AFTER_NOTICE);
        assertThat(listed.events()).singleElement().isInstanceOf(RegisterEvent.Listed.class);
        assertThat(listed.register().listing("a1").orElseThrow().status()).isEqualTo(ListingStatus.LISTED);
        assertThat(listed.register().listing("a1").orElseThrow().history()).last().extracting(HistoryEntry::summary)
                .isEqualTo("公示期满无异议，纳入清单");
        assertThat(listed.editions().get(0).previousHash()).isEqualTo(started.editions().get(0).hash());
        // idempotent
        assertThat(listed.register().listDue(AFTER_NOTICE.plusSeconds(60)).events()).isEmpty();
        assertThat(listed.register().startNotice("a1", Products.product("a1", "风控平台"), 7, T0).events()).isEmpty();
    }

    @Test
    void an_upheld_objection_keeps_the_product_off_the_list() {
        ListRegister.Outcome lodged = noticed("a2").lodgeObjection("a2", "applicant-b", "911301027356003226", "乙银行", "产品存在未化解的投诉", null, T0.plusSeconds(60));
        Objection objection = lodged.register().listing("a2").orElseThrow().objections().get(0);
        assertThat(lodged.events()).singleElement().isInstanceOf(RegisterEvent.ObjectionLodged.class);
        assertThat(lodged.editions()).isEmpty();

        // an open objection holds the listing back at the end of notice
        assertThat(lodged.register().listDue(AFTER_NOTICE).events()).isEmpty();

        ListRegister.Outcome upheld = lodged.register().decideObjection("a2", objection.id(), true, "经核实投诉属实", "office", AFTER_NOTICE);
        assertThat(upheld.register().listing("a2").orElseThrow().status()).isEqualTo(ListingStatus.NOT_LISTED);
        assertThat(upheld.editions().get(0).entries()).isEmpty();
        assertThat(upheld.register().listDue(AFTER_NOTICE.plusSeconds(1)).events()).isEmpty();
    }

    @Test
    void a_dismissed_objection_lets_notice_end_in_listing() {
        ListRegister.Outcome lodged = noticed("a3").lodgeObjection("a3", "applicant-b", "911301027356003226", "乙银行", "质疑", "附件说明", T0);
        String objectionId = lodged.register().listing("a3").orElseThrow().objections().get(0).id();
        ListRegister.Outcome dismissed = lodged.register().decideObjection("a3", objectionId, false, "异议不成立", "office", T0);
        assertThat(dismissed.editions()).isEmpty();
        Listing listed = dismissed.register().listDue(AFTER_NOTICE).register().listing("a3").orElseThrow();
        assertThat(listed.status()).isEqualTo(ListingStatus.LISTED);
        // the public record does not claim there was no objection
        assertThat(listed.history()).last().extracting(HistoryEntry::summary).isEqualTo("公示期满，异议经核实不成立，纳入清单");
        assertThatThrownBy(() -> dismissed.register().decideObjection("a3", objectionId, true, "再议", "office", T0))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.kind()).isEqualTo(ListingRefused.Kind.WRONG_STATE));
    }

    @Test
    void objections_only_during_notice() {
        assertThatThrownBy(() -> noticed("a4").lodgeObjection("a4", "u", "911301027356003226", "乙", "理由", null, AFTER_NOTICE))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("not-in-notice"));
        assertThatThrownBy(() -> noticed("a4").lodgeObjection("a4", "u", "911301027356003226", "乙", " ", null, T0))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.field()).isEqualTo("grounds"));
    }

    @ParameterizedTest
    @EnumSource(value = DelistingReason.class, names = {"MAJOR_DEFECT", "MAJOR_ENTERPRISE_CHANGE", "OTHER"})
    void delisting_for_each_art12_reason(DelistingReason reason) {
        ListRegister.Outcome out = listed("d1").delist("d1", reason, null, "说明", "证据", "office", AFTER_NOTICE.plusSeconds(5));
        Listing l = out.register().listing("d1").orElseThrow();
        assertThat(l.status()).isEqualTo(ListingStatus.DELISTED);
        assertThat(l.delisting().reason()).isEqualTo(reason);
        assertThat(out.events()).singleElement().isInstanceOf(RegisterEvent.Delisted.class);
        assertThat(out.editions().get(0).entries()).isEmpty();
        assertThat(l.history()).extracting(HistoryEntry::type).containsExactly("PUBLIC_NOTICE_STARTED", "LISTED", "DELISTED");
    }

    @ParameterizedTest
    @EnumSource(ExclusionGround.class)
    void delisting_for_an_art5_exclusion_names_the_ground(ExclusionGround ground) {
        Listing l = listed("d2").delist("d2", DelistingReason.ART5_EXCLUSION, ground, "说明", null, "office", AFTER_NOTICE)
                .register().listing("d2").orElseThrow();
        assertThat(l.delisting().exclusionGround()).isEqualTo(ground);
        assertThatThrownBy(() -> listed("d2").delist("d2", DelistingReason.ART5_EXCLUSION, null, "说明", null, "office", AFTER_NOTICE))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.field()).isEqualTo("exclusionGround"));
        assertThatThrownBy(() -> listed("d2").delist("d2", DelistingReason.OTHER, ground, "说明", null, "office", AFTER_NOTICE))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("only-for-art5"));
    }

    @Test
    void voluntary_withdrawal_and_no_delisting_of_what_is_not_listed() {
        Listing l = listed("v1").withdrawVoluntarily("v1", "企业战略调整，申请退出", "vendor-a", AFTER_NOTICE).register().listing("v1").orElseThrow();
        assertThat(l.delisting().reason()).isEqualTo(DelistingReason.VOLUNTARY_WITHDRAWAL);
        assertThatThrownBy(() -> noticed("v2").delist("v2", DelistingReason.OTHER, null, "说明", null, "office", T0))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.kind()).isEqualTo(ListingRefused.Kind.WRONG_STATE));
        assertThatThrownBy(() -> listed("v3").delist("v3", DelistingReason.OTHER, null, "", null, "office", AFTER_NOTICE))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.field()).isEqualTo("explanation"));
    }

    @Test
    void the_edition_chain_verifies_and_a_tampered_edition_is_detected() {
        List<Edition> chain = new ArrayList<>();
        ListRegister.Outcome o = ListRegister.empty().startNotice("c1", Products.product("c1", "产品一"), 7, T0);
        chain.addAll(o.editions());
        o = o.register().startNotice("c2", Products.product("c2", "产品二"), 7, T0.plusSeconds(1));
        chain.addAll(o.editions());
        o = o.register().listDue(AFTER_NOTICE.plusSeconds(1));
        chain.addAll(o.editions());
        assertThat(chain).extracting(Edition::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(Edition.verify(chain).valid()).isTrue();

        Edition second = chain.get(1);
        Edition.Entry forged = new Edition.Entry(second.entries().get(0).listingId(), ListingStatus.LISTED, second.entries().get(0).product());
        List<Edition.Entry> entries = new ArrayList<>(second.entries());
        entries.set(0, forged);
        List<Edition> tampered = new ArrayList<>(chain);
        tampered.set(1, new Edition(second.number(), second.createdAt(), second.change(), entries, second.previousHash(), second.hash()));
        Edition.Verification result = Edition.verify(tampered);
        assertThat(result.valid()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(2L);

        // re-hashing the forged edition breaks the link to the next one instead
        Edition rehashed = new Edition(second.number(), second.createdAt(), second.change(), entries, second.previousHash(), null);
        tampered.set(1, new Edition(rehashed.number(), rehashed.createdAt(), rehashed.change(), entries, rehashed.previousHash(), rehashed.computeHash()));
        assertThat(Edition.verify(tampered).brokenAt()).isEqualTo(3L);
    }

    @Test
    void canonical_json_sorts_keys_and_escapes() {
        assertThat(CanonicalJson.write(java.util.Map.of("b", 1, "a", List.of("x\"y", true)))).isEqualTo("{\"a\":[\"x\\\"y\",true],\"b\":1}");
    }
}
