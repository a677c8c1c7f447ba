package org.qingdan.listing.register.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.listing.ProductDelisted.DelistingReason;
import org.qingdan.listing.register.domain.ListingRefused.Kind;

/**
 * The list (清单) as one aggregate: every listing and the edition chain. Each change to what the public
 * sees makes the next edition, so the list is the natural consistency boundary: an edition is a state
 * of the whole list, and editions form one chain. Commands return the next register, the events they
 * raised and the editions they made; the persistence adapter saves all three in one write.
 */
public record ListRegister(List<Listing> listings, Edition latest) {

    public static final int MAX_TEXT = 2000;

    public ListRegister {
        listings = List.copyOf(listings);
    }

    public static ListRegister empty() {
        return new ListRegister(List.of(), null);
    }

    /** The next state, what happened, and the editions made (oldest first). */
    public record Outcome(ListRegister register, List<RegisterEvent> events, List<Edition> editions) {
        static Outcome unchanged(ListRegister register) {
            return new Outcome(register, List.of(), List.of());
        }
    }

    public long editionNumber() {
        return latest == null ? 0 : latest.number();
    }

    public Optional<Listing> listing(String id) {
        return listings.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The committee approved: public notice (公示) starts for the call's notice length. Idempotent per application. */
    public Outcome startNotice(String applicationId, PublicProduct product, int noticeDays, Instant now) {
        if (listing(applicationId).isPresent()) {
            return Outcome.unchanged(this);
        }
        Instant ends = now.plus(Duration.ofDays(Math.max(1, noticeDays)));
        Listing listing = new Listing(applicationId, product, ListingStatus.PUBLIC_NOTICE, now, ends, noticeDays, null, null,
                List.of(), List.of(), 0);
        return change(listing, ListingStatus.PUBLIC_NOTICE, null, null, listing.objections(),
                "PUBLIC_NOTICE_STARTED", "开始公示，公示期 " + noticeDays + " 天", now, true,
                (l, e) -> new RegisterEvent.NoticeStarted(l, e));
    }

    /** A member objects during public notice, with grounds and optional evidence. */
    public Outcome lodgeObjection(String listingId, String lodgedBy, String orgUscc, String orgName, String grounds,
                                  String evidence, Instant now) {
        Listing listing = require(listingId);
        if (listing.status() != ListingStatus.PUBLIC_NOTICE || !now.isBefore(listing.noticeEndsAt())) {
            throw new ListingRefused(Kind.WRONG_STATE, null, "not-in-notice", "只能在公示期内提出异议");
        }
        text("grounds", grounds, true);
        text("evidence", evidence, false);
        Objection objection = new Objection(UUID.randomUUID().toString(), lodgedBy, orgUscc, orgName, grounds.trim(),
                evidence == null ? null : evidence.trim(), now, Objection.Status.OPEN, null, null, null);
        List<Objection> objections = new ArrayList<>(listing.objections());
        objections.add(objection);
        Listing next = listing.with(listing.status(), listing.listedAt(), listing.delisting(), objections,
                new HistoryEntry(now, "OBJECTION_LODGED", "收到公示异议", null));
        return new Outcome(replace(next, latest), List.of(new RegisterEvent.ObjectionLodged(next, objection)), List.of());
    }

    /** The office upholds (the product does not enter the list) or dismisses an objection. */
    public Outcome decideObjection(String listingId, String objectionId, boolean uphold, String reason, String by, Instant now) {
        Listing listing = require(listingId);
        Objection objection = listing.objection(objectionId)
                .orElseThrow(() -> new ListingRefused(Kind.NOT_FOUND, null, "not-found", "异议 " + objectionId + " 不存在"));
        if (objection.status() != Objection.Status.OPEN) {
            throw new ListingRefused(Kind.WRONG_STATE, null, "already-decided", "该异议已处理");
        }
        if (listing.status() != ListingStatus.PUBLIC_NOTICE) {
            throw new ListingRefused(Kind.WRONG_STATE, null, "not-in-notice", "该产品已不在公示中");
        }
        text("reason", reason, true);
        Objection decided = objection.decide(uphold, by, reason.trim(), now);
        List<Objection> objections = listing.objections().stream().map(o -> o.id().equals(objectionId) ? decided : o).toList();
        if (!uphold) {
            Listing next = listing.with(listing.status(), listing.listedAt(), listing.delisting(), objections,
                    new HistoryEntry(now, "OBJECTION_DISMISSED", "公示异议不成立", null));
            return new Outcome(replace(next, latest),
                    List.of(new RegisterEvent.ObjectionDecided(next, decided, editionNumber())), List.of());
        }
        return change(listing, ListingStatus.NOT_LISTED, null, null, objections, "OBJECTION_UPHELD",
                "公示异议成立，不予纳入清单", now, true, (l, e) -> new RegisterEvent.ObjectionDecided(l, decided, e.number()));
    }

    /** Every listing whose notice ended without an open or upheld objection enters the list. Idempotent. */
    public Outcome listDue(Instant now) {
        ListRegister register = this;
        List<RegisterEvent> events = new ArrayList<>();
        List<Edition> editions = new ArrayList<>();
        for (Listing listing : listings) {
            if (listing.status() == ListingStatus.PUBLIC_NOTICE && !now.isBefore(listing.noticeEndsAt())
                    && !listing.hasOpenObjection()) {
                Outcome step = register.change(register.require(listing.id()), ListingStatus.LISTED, now, null,
                        listing.objections(), "LISTED",
                        // the public record must not say "no objection" when one was lodged and dismissed
                        listing.objections().isEmpty() ? "公示期满无异议，纳入清单" : "公示期满，异议经核实不成立，纳入清单", now, true,
                        (l, e) -> new RegisterEvent.Listed(l, e));
                register = step.register();
                events.addAll(step.events());
                editions.addAll(step.editions());
            }
        }
        return new Outcome(register, events, editions);
    }

    /** The office delists for an Art. 12 reason; an Art. 5 ground must be named for ART5_EXCLUSION. */
    public Outcome delist(String listingId, DelistingReason reason, ExclusionGround ground, String explanation,
                          String evidence, String by, Instant now) {
        if (reason == null) {
            throw new ListingRefused(Kind.INVALID, "reason", "required", "请选择移出原因（第十二条）");
        }
        if (reason == DelistingReason.VOLUNTARY_WITHDRAWAL) {
            throw new ListingRefused(Kind.INVALID, "reason", "use-voluntary-withdrawal", "企业自愿退出请使用“自愿退出”");
        }
        if (reason == DelistingReason.ART5_EXCLUSION && ground == null) {
            throw new ListingRefused(Kind.INVALID, "exclusionGround", "required", "依第十二条第三项移出时须指明第五条所列情形");
        }
        if (reason != DelistingReason.ART5_EXCLUSION && ground != null) {
            throw new ListingRefused(Kind.INVALID, "exclusionGround", "only-for-art5", "只有依第十二条第三项移出时才填写第五条情形");
        }
        return leave(listingId, new Delisting(reason, ground, explanation, evidence, now, by), now);
    }

    /** The enterprise leaves the list of its own will (Art. 3: participation is voluntary). */
    public Outcome withdrawVoluntarily(String listingId, String explanation, String by, Instant now) {
        return leave(listingId, new Delisting(DelistingReason.VOLUNTARY_WITHDRAWAL, null, explanation, null, now, by), now);
    }

    private Outcome leave(String listingId, Delisting delisting, Instant now) {
        Listing listing = require(listingId);
        if (listing.status() != ListingStatus.LISTED) {
            throw new ListingRefused(Kind.WRONG_STATE, null, "not-listed", "只有已纳入清单的产品可以移出（当前：" + listing.status().label() + "）");
        }
        text("explanation", delisting.explanation(), true);
        text("evidence", delisting.evidence(), false);
        Delisting clean = new Delisting(delisting.reason(), delisting.exclusionGround(), delisting.explanation().trim(),
                delisting.evidence() == null ? null : delisting.evidence().trim(), delisting.at(), delisting.by());
        return change(listing, ListingStatus.DELISTED, listing.listedAt(), clean, listing.objections(), "DELISTED",
                "移出清单：" + clean.reason().label(), now, true, (l, e) -> new RegisterEvent.Delisted(l, e));
    }

    private interface EventFactory {
        RegisterEvent make(Listing listing, Edition edition);
    }

    private Outcome change(Listing listing, ListingStatus status, Instant listedAt, Delisting delisting,
                           List<Objection> objections, String type, String summary, Instant now, boolean newEdition,
                           EventFactory event) {
        Listing withoutEdition = listing.with(status, listedAt, delisting, objections, new HistoryEntry(now, type, summary, null));
        List<Listing> nextListings = replaced(withoutEdition);
        List<Edition.Entry> entries = nextListings.stream().filter(l -> l.status().inEdition())
                .map(l -> new Edition.Entry(l.id(), l.status(), l.product())).toList();
        Edition edition = Edition.next(latest, new Edition.Change(type, listing.id(), listing.product().productName(), summary),
                entries, now);
        // the history entry names the edition it produced
        List<HistoryEntry> history = new ArrayList<>(withoutEdition.history());
        history.set(history.size() - 1, new HistoryEntry(now, type, summary, edition.number()));
        Listing next = new Listing(withoutEdition.id(), withoutEdition.product(), withoutEdition.status(),
                withoutEdition.noticeStartsAt(), withoutEdition.noticeEndsAt(), withoutEdition.noticeDays(),
                withoutEdition.listedAt(), withoutEdition.delisting(), withoutEdition.objections(), history,
                withoutEdition.version());
        return new Outcome(replace(next, edition), List.of(event.make(next, edition)), List.of(edition));
    }

    private Listing require(String id) {
        return listing(id).orElseThrow(() -> new ListingRefused(Kind.NOT_FOUND, null, "not-found", "清单条目 " + id + " 不存在"));
    }

    private List<Listing> replaced(Listing next) {
        List<Listing> result = new ArrayList<>();
        boolean found = false;
        for (Listing l : listings) {
            if (l.id().equals(next.id())) {
                result.add(next);
                found = true;
            } else {
                result.add(l);
            }
        }
        if (!found) {
            result.add(next);
        }
        return result;
    }

    private ListRegister replace(Listing next, Edition edition) {
        return new ListRegister(replaced(next), edition);
    }

    private static void text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new ListingRefused(Kind.INVALID, field, "required", "必填");
            }
            return;
        }
        if (value.codePointCount(0, value.length()) > MAX_TEXT) {
            throw new ListingRefused(Kind.INVALID, field, "max-length", "不超过 " + MAX_TEXT + " 字");
        }
    }
}
