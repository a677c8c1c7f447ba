package org.qingdan.listing.register.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.listing.ReportKind;

/** Art. 12 re-reviews of a listed product: 复核中 while open, then kept (复核保留) or delisted, each once. */
class ReReviewTest {

    static final Instant T1 = ListingTest.AFTER_NOTICE.plusSeconds(3600);

    static ReReview.Brief brief(String reason) {
        return new ReReview.Brief("report-1", List.of(ReportKind.MAJOR_DEFECT), "宕机两日", LocalDate.of(2026, 11, 1), T1, List.of(),
                List.of(new ReReview.Answer("北京智信科技有限公司", "91110108551385082Q", "已整改", List.of(), T1)), reason);
    }

    @Test
    void opening_marks_the_listing_raises_its_event_and_stays_listed() {
        Listing listed = ListingTest.listed("r1");
        Listing.Outcome opened = listed.openReReview("rr-1", brief("反映属实"), "office", T1);
        assertThat(opened.listing().status()).isEqualTo(ListingStatus.LISTED);
        assertThat(opened.listing().reReview().id()).isEqualTo("rr-1");
        assertThat(opened.listing().pendingEdition()).isNull(); // the list itself does not change
        assertThat(opened.listing().history()).last().extracting(HistoryEntry::type).isEqualTo("RE_REVIEW_OPENED");
        assertThat(opened.events()).singleElement().isInstanceOfSatisfying(RegisterEvent.ReReviewOpened.class,
                e -> assertThat(e.brief().answers()).hasSize(1));
        // the same again: nothing; another while open: refused
        assertThat(opened.listing().openReReview("rr-1", brief("反映属实"), "office", T1).changed()).isFalse();
        assertThatThrownBy(() -> opened.listing().openReReview("rr-2", brief("再次"), "office", T1))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("re-review-open"));
    }

    @Test
    void only_a_listed_product_with_a_reason() {
        assertThatThrownBy(() -> ListingTest.noticed("r2").openReReview("rr-1", brief("x"), "office", T1))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("not-listed"));
        assertThatThrownBy(() -> ListingTest.listed("r3").openReReview("rr-1", brief(" "), "office", T1))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void kept_clears_the_mark_with_the_committees_reasons_once() {
        Listing open = ListingTest.listed("r4").openReReview("rr-1", brief("反映属实"), "office", T1).listing();
        ReReview.Conclusion keep = new ReReview.Conclusion("rr-1", true, null, null, List.of("风险可控"), "committee");
        Listing.Outcome kept = open.concludeReReview(keep, T1.plusSeconds(60));
        assertThat(kept.listing().reReview()).isNull();
        assertThat(kept.listing().status()).isEqualTo(ListingStatus.LISTED);
        assertThat(kept.listing().history()).last().satisfies(h -> {
            assertThat(h.type()).isEqualTo("RE_REVIEW_KEPT");
            assertThat(h.summary()).isEqualTo("复核保留：风险可控");
            assertThat(ActingBody.of(h, null)).isEqualTo(ActingBody.COMMITTEE);
        });
        assertThat(kept.events()).singleElement().isInstanceOfSatisfying(RegisterEvent.ReReviewConcluded.class, e -> assertThat(e.kept()).isTrue());
        assertThat(kept.listing().concludeReReview(keep, T1.plusSeconds(120)).changed()).isFalse();
        // a conclusion of another re-review changes nothing
        assertThat(open.concludeReReview(new ReReview.Conclusion("rr-9", true, null, null, List.of("x"), "c"), T1).changed()).isFalse();
    }

    @Test
    void delisted_for_the_art12_reason_with_an_edition_by_the_committee() {
        ListingTest.Chain chain = new ListingTest.Chain();
        Listing l = chain.sequence(Listing.startNotice("r5", org.qingdan.listing.Products.listed("r5", "产品r5"), 7, ListingTest.T0),
                ListingTest.T0).listing();
        l = chain.sequence(l.listIfDue(ListingTest.AFTER_NOTICE).listing(), ListingTest.AFTER_NOTICE).listing();
        Listing open = l.openReReview("rr-1", brief("反映属实"), "office", T1).listing();
        assertThatThrownBy(() -> open.concludeReReview(new ReReview.Conclusion("rr-1", false, DelistingReason.ART5_EXCLUSION, null,
                List.of("x"), "committee"), T1)).isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.field()).isEqualTo("exclusionGround"));
        Listing.Outcome delisted = open.concludeReReview(new ReReview.Conclusion("rr-1", false, DelistingReason.ART5_EXCLUSION,
                ExclusionGround.UNRESOLVED_COMPLAINTS, List.of("投诉未能及时化解"), "committee"), T1);
        assertThat(delisted.listing().status()).isEqualTo(ListingStatus.DELISTED);
        assertThat(delisted.listing().reReview()).isNull();
        assertThat(delisted.listing().pendingEdition()).isNotNull();
        assertThat(delisted.listing().delisting().reReviewId()).isEqualTo("rr-1");
        assertThat(delisted.events()).singleElement().isInstanceOfSatisfying(RegisterEvent.ReReviewConcluded.class,
                e -> assertThat(e.kept()).isFalse());
        Listing.Sequenced sequenced = chain.sequence(delisted.listing(), T1);
        assertThat(sequenced.event()).isInstanceOf(RegisterEvent.Delisted.class);
        HistoryEntry last = sequenced.listing().history().get(sequenced.listing().history().size() - 1);
        assertThat(ActingBody.of(last, sequenced.listing().delisting())).isEqualTo(ActingBody.COMMITTEE);
    }

    @Test
    void leaving_the_list_otherwise_ends_an_open_re_review() {
        Listing open = ListingTest.listed("r6").openReReview("rr-1", brief("反映属实"), "office", T1).listing();
        Listing withdrawn = open.withdrawVoluntarily("企业自愿退出", "vendor-x", T1).listing();
        assertThat(withdrawn.reReview()).isNull();
        assertThat(withdrawn.concludeReReview(new ReReview.Conclusion("rr-1", true, null, null, List.of("x"), "c"), T1).changed()).isFalse();
    }

    @Test
    void an_accepted_change_corrects_the_record_in_a_new_edition_once() {
        ListingTest.Chain chain = new ListingTest.Chain();
        Listing l = chain.sequence(Listing.startNotice("r7", org.qingdan.listing.Products.listed("r7", "产品r7"), 7, ListingTest.T0),
                ListingTest.T0).listing();
        l = chain.sequence(l.listIfDue(ListingTest.AFTER_NOTICE).listing(), ListingTest.AFTER_NOTICE).listing();
        Listing listed = l;
        assertThatThrownBy(() -> listed.correctRecord("c1", org.qingdan.contracts.listing.EnterpriseChangeKind.USCC, null, "91110000100003962A",
                "核准", T1)).isInstanceOfSatisfying(ListingRefused.class, e -> {
                    assertThat(e.field()).isEqualTo("newEnterpriseUscc");
                    assertThat(e.rule()).isEqualTo(org.qingdan.contracts.form.Uscc.RULE_CHECK);
                });
        Listing.Outcome corrected = listed.correctRecord("c1", org.qingdan.contracts.listing.EnterpriseChangeKind.NAME, "北京智信数字科技有限公司",
                "91100000100003962T", "市场监管部门核准", T1);
        Listing pending = corrected.listing();
        assertThat(pending.product().enterprise().name()).isEqualTo("北京智信数字科技有限公司");
        assertThat(pending.product().enterprise().uscc()).isEqualTo("91100000100003962T");
        // the participant naming the same organisation follows; the lead (another organisation) does not
        assertThat(pending.product().participants().get(0).uscc()).isEqualTo("91100000100003962T");
        assertThat(pending.product().leadApplicant().uscc()).isEqualTo("91130100100003962C");
        assertThat(pending.entryBefore().product().enterprise().name()).isEqualTo("北京智信科技有限公司");
        Listing.Sequenced sequenced = chain.sequence(pending, T1);
        assertThat(sequenced.event()).isInstanceOfSatisfying(RegisterEvent.RecordCorrected.class,
                e -> assertThat(e.summary()).contains("北京智信科技有限公司 → 北京智信数字科技有限公司"));
        assertThat(chain.editions.get(chain.editions.size() - 1).entryCount()).isEqualTo(1L);
        assertThat(sequenced.listing().correctRecord("c1", org.qingdan.contracts.listing.EnterpriseChangeKind.NAME, "x", null, "again", T1)
                .changed()).isFalse();
    }
}
