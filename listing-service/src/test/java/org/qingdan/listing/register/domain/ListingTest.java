package org.qingdan.listing.register.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qingdan.listing.Products;

class ListingTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant AFTER_NOTICE = T0.plus(Duration.ofDays(7));

    /** A tiny edition chain in memory, as EditionStore keeps it: each pending change gets the next number. */
    static final class Chain {
        EditionHead head = EditionHead.EMPTY;
        final List<Edition> editions = new ArrayList<>();

        Listing.Sequenced sequence(Listing pending, Instant at) {
            Edition e = Edition.next(head, pending.editionChange(), pending.entryBefore(), pending.entryAfter(), at);
            editions.add(e);
            head = EditionHead.of(e);
            return pending.sequence(e);
        }
    }

    static Listing noticed(String id) {
        return new Chain().sequence(Listing.startNotice(id, Products.listed(id, "产品" + id), 7, T0), T0).listing();
    }

    static Listing listed(String id) {
        Chain chain = new Chain();
        Listing l = chain.sequence(Listing.startNotice(id, Products.listed(id, "产品" + id), 7, T0), T0).listing();
        return chain.sequence(l.listIfDue(AFTER_NOTICE).listing(), AFTER_NOTICE).listing();
    }

    @Test
    void notice_then_listed_at_the_end_of_notice_each_with_an_edition_and_its_event() {
        Chain chain = new Chain();
        Listing started = Listing.startNotice("a1", Products.listed("a1", "风控平台"), 7, T0);
        assertThat(started.pendingEdition()).isNotNull();
        assertThat(started.noticeEndsAt()).isEqualTo(AFTER_NOTICE);
        Listing.Sequenced s1 = chain.sequence(started, T0);
        assertThat(s1.event()).isInstanceOf(RegisterEvent.NoticeStarted.class);
        assertThat(s1.listing().pendingEdition()).isNull();
        assertThat(s1.listing().history()).last().extracting(HistoryEntry::edition).isEqualTo(1L);
        assertThat(s1.listing().version()).isEqualTo(1);

        assertThat(s1.listing().listIfDue(AFTER_NOTICE.minusSeconds(1)).changed()).isFalse();
        Listing.Outcome due = s1.listing().listIfDue(AFTER_NOTICE);
        assertThat(due.events()).isEmpty(); // the event waits for the edition number
        Listing.Sequenced s2 = chain.sequence(due.listing(), AFTER_NOTICE);
        assertThat(s2.event()).isInstanceOf(RegisterEvent.Listed.class);
        assertThat(s2.listing().status()).isEqualTo(ListingStatus.LISTED);
        assertThat(s2.listing().history()).last().extracting(HistoryEntry::summary).isEqualTo("公示期满无异议，纳入清单");
        assertThat(chain.editions.get(1).previousHash()).isEqualTo(chain.editions.get(0).hash());
        assertThat(chain.editions.get(1).entryCount()).isEqualTo(1L);
        // idempotent
        assertThat(s2.listing().listIfDue(AFTER_NOTICE.plusSeconds(60)).changed()).isFalse();
        assertThat(s2.listing().editionOf("PUBLIC_NOTICE_STARTED")).isEqualTo(1L);
        assertThat(s2.listing().editionOf("LISTED")).isEqualTo(2L);
    }

    @Test
    void an_upheld_objection_keeps_the_product_off_the_list() {
        Listing.Outcome lodged = noticed("a2").lodgeObjection("applicant-b", "911301027356003226", "乙银行", "产品存在未化解的投诉", null, T0.plusSeconds(60));
        Objection objection = lodged.listing().objections().get(0);
        assertThat(lodged.events()).singleElement().isInstanceOf(RegisterEvent.ObjectionLodged.class);
        assertThat(lodged.listing().pendingEdition()).isNull();

        // an open objection holds the listing back at the end of notice
        assertThat(lodged.listing().listIfDue(AFTER_NOTICE).changed()).isFalse();

        Listing.Outcome upheld = lodged.listing().decideObjection(objection.id(), true, "经核实投诉属实", "office", AFTER_NOTICE, 1);
        assertThat(upheld.listing().status()).isEqualTo(ListingStatus.NOT_LISTED);
        Chain chain = new Chain();
        chain.head = new EditionHead(1, "h", ListDigest.add(ListDigest.EMPTY, ListDigest.entryHash(upheld.listing().entryBefore())), 1);
        Listing.Sequenced s = chain.sequence(upheld.listing(), AFTER_NOTICE);
        assertThat(s.event()).isInstanceOfSatisfying(RegisterEvent.ObjectionDecided.class, e -> {
            assertThat(e.objection().status()).isEqualTo(Objection.Status.UPHELD);
            assertThat(e.edition()).isEqualTo(2L);
        });
        Edition removal = chain.editions.get(0);
        assertThat(removal.entryHash()).isNull();
        assertThat(removal.entryCount()).isZero();
        assertThat(removal.digest()).isEqualTo(ListDigest.EMPTY);
        assertThat(s.listing().listIfDue(AFTER_NOTICE.plusSeconds(1)).changed()).isFalse();
    }

    @Test
    void a_dismissed_objection_lets_notice_end_in_listing() {
        Listing.Outcome lodged = noticed("a3").lodgeObjection("applicant-b", "911301027356003226", "乙银行", "质疑", "附件说明", T0);
        String objectionId = lodged.listing().objections().get(0).id();
        Listing.Outcome dismissed = lodged.listing().decideObjection(objectionId, false, "异议不成立", "office", T0, 4);
        assertThat(dismissed.listing().pendingEdition()).isNull();
        assertThat(dismissed.events()).singleElement().isInstanceOfSatisfying(RegisterEvent.ObjectionDecided.class,
                e -> assertThat(e.edition()).isEqualTo(4L));
        Listing listed = dismissed.listing().listIfDue(AFTER_NOTICE).listing();
        assertThat(listed.status()).isEqualTo(ListingStatus.LISTED);
        // the public record does not claim there was no objection
        assertThat(listed.history()).last().extracting(HistoryEntry::summary).isEqualTo("公示期满，异议经核实不成立，纳入清单");
        assertThatThrownBy(() -> dismissed.listing().decideObjection(objectionId, true, "再议", "office", T0, 4))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.reason()).isEqualTo(ListingRefused.Reason.WRONG_STATE));
    }

    @Test
    void objections_only_during_notice_one_open_per_organisation_and_bounded() {
        assertThatThrownBy(() -> noticed("a4").lodgeObjection("u", "911301027356003226", "乙", "理由", null, AFTER_NOTICE))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("not-in-notice"));
        assertThatThrownBy(() -> noticed("a4").lodgeObjection("u", "911301027356003226", "乙", " ", null, T0))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.field()).isEqualTo("grounds"));
        assertThatThrownBy(() -> noticed("a4").lodgeObjection("u", "911301027356003226", "乙", "理", "证".repeat(Listing.MAX_TEXT + 1), T0))
                .isInstanceOfSatisfying(ListingRefused.class, e -> {
                    assertThat(e.field()).isEqualTo("evidence");
                    assertThat(e.rule()).isEqualTo("max-length");
                });

        Listing l = noticed("a5").lodgeObjection("u1", "911301027356003226", "乙", "理由一", null, T0).listing();
        Listing first = l;
        assertThatThrownBy(() -> first.lodgeObjection("u2", "911301027356003226", "乙", "理由二", null, T0))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("one-open-per-organisation"));
        // another organisation may object at the same time
        l = l.lodgeObjection("u3", "91110108551385082Q", "丙", "理由三", null, T0).listing();
        for (int i = 0; i < Listing.MAX_OBJECTIONS_PER_ORGANISATION - 1; i++) {
            String open = l.objections().stream().filter(o -> o.orgUscc().equals("911301027356003226")
                    && o.status() == Objection.Status.OPEN).findFirst().orElseThrow().id();
            l = l.decideObjection(open, false, "不成立", "office", T0, 1).listing();
            l = l.lodgeObjection("u1", "911301027356003226", "乙", "再次异议" + i, null, T0).listing();
        }
        String open = l.objections().stream().filter(o -> o.orgUscc().equals("911301027356003226")
                && o.status() == Objection.Status.OPEN).findFirst().orElseThrow().id();
        Listing decided = l.decideObjection(open, false, "不成立", "office", T0, 1).listing();
        assertThatThrownBy(() -> decided.lodgeObjection("u1", "911301027356003226", "乙", "第四次", null, T0))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("max-per-organisation"));
    }

    @ParameterizedTest
    @EnumSource(value = DelistingReason.class, names = {"MAJOR_DEFECT", "MAJOR_ENTERPRISE_CHANGE", "OTHER"})
    void delisting_for_each_art12_reason(DelistingReason reason) {
        Chain chain = new Chain();
        Listing l = chain.sequence(Listing.startNotice("d1", Products.listed("d1", "产品"), 7, T0), T0).listing();
        l = chain.sequence(l.listIfDue(AFTER_NOTICE).listing(), AFTER_NOTICE).listing();
        Listing.Sequenced out = chain.sequence(l.delist(reason, null, "说明", "证据", "office", AFTER_NOTICE.plusSeconds(5)).listing(),
                AFTER_NOTICE.plusSeconds(5));
        assertThat(out.listing().status()).isEqualTo(ListingStatus.DELISTED);
        assertThat(out.listing().delisting().reason()).isEqualTo(reason);
        assertThat(out.event()).isInstanceOf(RegisterEvent.Delisted.class);
        assertThat(chain.editions.get(2).entryCount()).isZero();
        assertThat(chain.editions.get(2).digest()).isEqualTo(ListDigest.EMPTY);
        assertThat(out.listing().history()).extracting(HistoryEntry::type).containsExactly("PUBLIC_NOTICE_STARTED", "LISTED", "DELISTED");
        assertThat(out.listing().editionOf("DELISTED")).isEqualTo(3L);
    }

    @ParameterizedTest
    @EnumSource(ExclusionGround.class)
    void delisting_for_an_art5_exclusion_names_the_ground(ExclusionGround ground) {
        Listing l = listed("d2").delist(DelistingReason.ART5_EXCLUSION, ground, "说明", null, "office", AFTER_NOTICE).listing();
        assertThat(l.delisting().exclusionGround()).isEqualTo(ground);
        assertThatThrownBy(() -> listed("d2").delist(DelistingReason.ART5_EXCLUSION, null, "说明", null, "office", AFTER_NOTICE))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.field()).isEqualTo("exclusionGround"));
        assertThatThrownBy(() -> listed("d2").delist(DelistingReason.OTHER, ground, "说明", null, "office", AFTER_NOTICE))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("only-for-art5"));
    }

    @Test
    void voluntary_withdrawal_and_no_delisting_of_what_is_not_listed() {
        Listing l = listed("v1").withdrawVoluntarily("企业战略调整，申请退出", "vendor-a", AFTER_NOTICE).listing();
        assertThat(l.delisting().reason()).isEqualTo(DelistingReason.VOLUNTARY_WITHDRAWAL);
        assertThatThrownBy(() -> noticed("v2").delist(DelistingReason.OTHER, null, "说明", null, "office", T0))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.reason()).isEqualTo(ListingRefused.Reason.WRONG_STATE));
        assertThatThrownBy(() -> listed("v3").delist(DelistingReason.OTHER, null, "", null, "office", AFTER_NOTICE))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.field()).isEqualTo("explanation"));
    }

    @Test
    void the_chain_of_changes_verifies_its_digest_follows_the_list_and_tampering_is_detected() {
        Chain chain = new Chain();
        Listing c1 = chain.sequence(Listing.startNotice("c1", Products.listed("c1", "产品一"), 7, T0), T0).listing();
        Listing c2 = chain.sequence(Listing.startNotice("c2", Products.listed("c2", "产品二"), 7, T0.plusSeconds(1)), T0.plusSeconds(1)).listing();
        c1 = chain.sequence(c1.listIfDue(AFTER_NOTICE).listing(), AFTER_NOTICE).listing();
        chain.sequence(c2.listIfDue(AFTER_NOTICE.plusSeconds(1)).listing(), AFTER_NOTICE.plusSeconds(1));
        c1 = chain.sequence(c1.delist(DelistingReason.OTHER, null, "说明", null, "office", AFTER_NOTICE).listing(), AFTER_NOTICE).listing();
        assertThat(chain.editions).extracting(Edition::number).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(verify(chain.editions).valid()).isTrue();

        // the last digest is the digest of the list as it is: c2 listed, c1 gone
        String expected = ListDigest.add(ListDigest.EMPTY,
                ListDigest.entryHash(new Edition.Entry("c2", ListingStatus.LISTED, Products.listed("c2", "产品二"))));
        assertThat(chain.head.digest()).isEqualTo(expected);
        assertThat(chain.head.entryCount()).isEqualTo(1);

        // an altered entry no longer matches its hash
        Edition second = chain.editions.get(1);
        Edition.Entry forged = new Edition.Entry("c2", ListingStatus.LISTED, second.entry().product());
        List<Edition> tampered = new ArrayList<>(chain.editions);
        tampered.set(1, copy(second, forged, second.entryHash(), second.digest(), second.hash()));
        assertThat(verify(tampered).brokenAt()).isEqualTo(2L);

        // re-hashing the forged entry alone leaves a digest that does not follow from it
        tampered.set(1, copy(second, forged, ListDigest.entryHash(forged), second.digest(), null).signed());
        assertThat(verify(tampered).brokenAt()).isEqualTo(2L);

        // a forged edition made consistent in itself breaks the link to the next one instead
        String forgedDigest = ListDigest.add(chain.editions.get(0).digest(), ListDigest.entryHash(forged));
        tampered.set(1, copy(second, forged, ListDigest.entryHash(forged), forgedDigest, null).signed());
        assertThat(verify(tampered).brokenAt()).isEqualTo(3L);

        // a digest that does not follow from the change is caught even when the edition is re-hashed consistently
        Edition badDigest = copy(chain.editions.get(4), chain.editions.get(4).entry(), null, ListDigest.EMPTY, null).signed();
        tampered = new ArrayList<>(chain.editions);
        tampered.set(4, badDigest);
        Edition.Verification v = verify(tampered);
        assertThat(v.brokenAt()).isEqualTo(5L);
        assertThat(v.message()).contains("摘要");
    }

    @Test
    void a_snapshot_edition_of_the_first_layout_keeps_its_hash_and_a_change_edition_can_follow_it() {
        List<Edition.Entry> entries = List.of(new Edition.Entry("s1", ListingStatus.LISTED, Products.listed("s1", "快照产品")));
        Edition snapshot = new Edition(7, T0, new Edition.Change("LISTED", "s1", "快照产品", "公示期满无异议，纳入清单"), entries,
                null, null, null, null, null, "prev", null).signed();
        // the first layout's hashed content, key for key
        assertThat(snapshot.content().keySet()).containsExactly("number", "createdAt", "change", "entries", "previousHash");
        assertThat(snapshot.hash()).isEqualTo(ListDigest.sha256(CanonicalJson.write(Map.of("number", 7L, "createdAt", T0.toString(),
                "change", Map.of("type", "LISTED", "listingId", "s1", "productName", "快照产品", "summary", "公示期满无异议，纳入清单"),
                "entries", List.of(Edition.entry(entries.get(0))), "previousHash", "prev"))));

        Listing next = Listing.startNotice("s2", Products.listed("s2", "新产品"), 7, T0);
        Edition after = Edition.next(snapshot.head(), next.editionChange(), next.entryBefore(), next.entryAfter(), T0);
        assertThat(after.entryCount()).isEqualTo(2L);
        ChainCheck check = new ChainCheck(null, 7);
        assertThat(check.accept(snapshot)).isTrue();
        assertThat(check.accept(after)).isTrue();
        assertThat(check.result(7, 8).valid()).isTrue();
    }

    @Test
    void canonical_json_sorts_keys_and_escapes() {
        assertThat(CanonicalJson.write(Map.of("b", 1, "a", List.of("x\"y", true)))).isEqualTo("{\"a\":[\"x\\\"y\",true],\"b\":1}");
    }

    private static Edition.Verification verify(List<Edition> chain) {
        ChainCheck check = new ChainCheck(null, 1);
        chain.forEach(check::accept);
        return check.result(1, chain.size());
    }

    private static Edition copy(Edition e, Edition.Entry entry, String entryHash, String digest, String hash) {
        return new Edition(e.number(), e.createdAt(), e.change(), null, entry, e.previousEntryHash(), entryHash, digest, e.entryCount(),
                e.previousHash(), hash);
    }
}
