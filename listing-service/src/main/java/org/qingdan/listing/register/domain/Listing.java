package org.qingdan.listing.register.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.qingdan.contracts.listing.EnterpriseChangeKind;
import org.qingdan.listing.register.domain.ListingRefused.Reason;

/**
 * One product's way through the list: public notice, listed or not, delisted. Its id is the approved
 * application's id, so a product re-enters the list only through a new application. {@code version}
 * counts the events of this listing (their {@code aggregateVersion}).
 *
 * <p>Each listing is its own aggregate: commands on one listing never wait for another. A command that
 * changes what the public list shows leaves a {@link PendingEdition}; {@link #sequence} then gives it
 * its number in the one edition chain and raises its event.
 */
public record Listing(
        String id,
        ListedProduct product,
        ListingStatus status,
        Instant noticeStartsAt,
        Instant noticeEndsAt,
        int noticeDays,
        Instant listedAt,
        Delisting delisting,
        List<Objection> objections,
        List<HistoryEntry> history,
        long version,
        PendingEdition pendingEdition,
        ReReview reReview,
        Reconfirmation reconfirmation) {

    public static final int MAX_TEXT = 2000;
    /** Objections one organisation may lodge against one listing (one open at a time). */
    public static final int MAX_OBJECTIONS_PER_ORGANISATION = 3;

    public Listing {
        objections = objections == null ? List.of() : List.copyOf(objections);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A listing without an open re-review (as stored before re-reviews existed). */
    public Listing(String id, ListedProduct product, ListingStatus status, Instant noticeStartsAt, Instant noticeEndsAt, int noticeDays,
                   Instant listedAt, Delisting delisting, List<Objection> objections, List<HistoryEntry> history, long version,
                   PendingEdition pendingEdition) {
        this(id, product, status, noticeStartsAt, noticeEndsAt, noticeDays, listedAt, delisting, objections, history, version,
                pendingEdition, null, null);
    }

    /** A listing with its re-review marker, as stored before yearly re-confirmations existed. */
    public Listing(String id, ListedProduct product, ListingStatus status, Instant noticeStartsAt, Instant noticeEndsAt, int noticeDays,
                   Instant listedAt, Delisting delisting, List<Objection> objections, List<HistoryEntry> history, long version,
                   PendingEdition pendingEdition, ReReview reReview) {
        this(id, product, status, noticeStartsAt, noticeEndsAt, noticeDays, listedAt, delisting, objections, history, version,
                pendingEdition, reReview, null);
    }

    /** What a command did: the listing after it and the events it raised at once (none while an edition is pending). */
    public record Outcome(Listing listing, List<RegisterEvent> events, boolean changed) {
        static Outcome unchanged(Listing listing) {
            return new Outcome(listing, List.of(), false);
        }
    }

    /** A sequenced change: the listing with its edition number, and the event that publishes it. */
    public record Sequenced(Listing listing, RegisterEvent event) {
    }

    /** The committee approved: public notice (公示) starts for the call's notice length. */
    public static Listing startNotice(String applicationId, ListedProduct product, int noticeDays, Instant now) {
        Instant ends = now.plus(Duration.ofDays(Math.max(1, noticeDays)));
        String summary = "开始公示，公示期 " + noticeDays + " 天";
        return new Listing(applicationId, product, ListingStatus.PUBLIC_NOTICE, now, ends, noticeDays, null, null,
                List.of(), List.of(new HistoryEntry(now, "PUBLIC_NOTICE_STARTED", summary, null)), 1,
                new PendingEdition("PUBLIC_NOTICE_STARTED", summary, now, null, null));
    }

    public Optional<Objection> objection(String objectionId) {
        return objections.stream().filter(o -> o.id().equals(objectionId)).findFirst();
    }

    public boolean hasOpenObjection() {
        return objections.stream().anyMatch(o -> o.status() == Objection.Status.OPEN);
    }

    /** Whether its public notice has ended with nothing holding it back (an open objection does). */
    public boolean dueForListing(Instant now) {
        return status == ListingStatus.PUBLIC_NOTICE && !now.isBefore(noticeEndsAt) && !hasOpenObjection();
    }

    /** A member objects during public notice, with grounds and optional evidence; one open objection per organisation. */
    public Outcome lodgeObjection(String lodgedBy, String orgUscc, String orgName, String grounds, String evidence, Instant now) {
        if (status != ListingStatus.PUBLIC_NOTICE || !now.isBefore(noticeEndsAt)) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "not-in-notice", "只能在公示期内提出异议");
        }
        text("grounds", grounds, true);
        text("evidence", evidence, false);
        List<Objection> own = objections.stream().filter(o -> o.orgUscc().equals(orgUscc)).toList();
        if (own.stream().anyMatch(o -> o.status() == Objection.Status.OPEN)) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "one-open-per-organisation", "本单位对该产品已有待处理的异议，请等待办公室处理");
        }
        if (own.size() >= MAX_OBJECTIONS_PER_ORGANISATION) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "max-per-organisation",
                    "每个单位对同一产品至多提出 " + MAX_OBJECTIONS_PER_ORGANISATION + " 次异议");
        }
        Objection objection = new Objection(UUID.randomUUID().toString(), lodgedBy, orgUscc, orgName, grounds.trim(),
                evidence == null || evidence.isBlank() ? null : evidence.trim(), now, Objection.Status.OPEN, null, null, null);
        List<Objection> next = new ArrayList<>(objections);
        next.add(objection);
        Listing changed = with(status, listedAt, delisting, next, new HistoryEntry(now, "OBJECTION_LODGED", "收到公示异议", null), null);
        return new Outcome(changed, List.of(new RegisterEvent.ObjectionLodged(changed, objection)), true);
    }

    /**
     * The office upholds (the product does not enter the list) or dismisses an objection.
     * {@code currentEdition}: the list's edition now, which a dismissal (no change of the list) names.
     */
    public Outcome decideObjection(String objectionId, boolean uphold, String reason, String by, Instant now, long currentEdition) {
        Objection objection = objection(objectionId)
                .orElseThrow(() -> new ListingRefused(Reason.NOT_FOUND, null, "not-found", "异议 " + objectionId + " 不存在"));
        if (objection.status() != Objection.Status.OPEN) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "already-decided", "该异议已处理");
        }
        if (status != ListingStatus.PUBLIC_NOTICE) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "not-in-notice", "该产品已不在公示中");
        }
        text("reason", reason, true);
        Objection decided = objection.decide(uphold, by, reason.trim(), now);
        List<Objection> next = objections.stream().map(o -> o.id().equals(objectionId) ? decided : o).toList();
        if (!uphold) {
            Listing changed = with(status, listedAt, delisting, next,
                    new HistoryEntry(now, "OBJECTION_DISMISSED", "公示异议不成立", null), null);
            return new Outcome(changed, List.of(new RegisterEvent.ObjectionDecided(changed, decided, currentEdition)), true);
        }
        return change(ListingStatus.NOT_LISTED, null, null, next, "OBJECTION_UPHELD", "公示异议成立，不予纳入清单", now, objectionId);
    }

    /** The product enters the list if its notice ended without an open or upheld objection; otherwise nothing. */
    public Outcome listIfDue(Instant now) {
        if (!dueForListing(now)) {
            return Outcome.unchanged(this);
        }
        // the public record must not say "no objection" when one was lodged and dismissed
        return change(ListingStatus.LISTED, now, null, objections, "LISTED",
                objections.isEmpty() ? "公示期满无异议，纳入清单" : "公示期满，异议经核实不成立，纳入清单", now, null);
    }

    /** The office delists for an Art. 12 reason; an Art. 5 ground must be named for ART5_EXCLUSION. */
    public Outcome delist(DelistingReason reason, ExclusionGround ground, String explanation, String evidence, String by, Instant now) {
        requireArt12(reason, ground);
        return leave(new Delisting(reason, ground, explanation, evidence, now, by), now);
    }

    /** An Art. 12 reason, with its Art. 5 ground exactly when the reason is clause (三). */
    public static void requireArt12(DelistingReason reason, ExclusionGround ground) {
        if (reason == null) {
            throw new ListingRefused(Reason.INVALID, "reason", "required", "请选择移出原因（第十二条）");
        }
        if (reason == DelistingReason.VOLUNTARY_WITHDRAWAL) {
            throw new ListingRefused(Reason.INVALID, "reason", "use-voluntary-withdrawal", "企业自愿退出请使用“自愿退出”");
        }
        if (reason == DelistingReason.ART5_EXCLUSION && ground == null) {
            throw new ListingRefused(Reason.INVALID, "exclusionGround", "required", "依第十二条第三项移出时须指明第五条所列情形");
        }
        if (reason != DelistingReason.ART5_EXCLUSION && ground != null) {
            throw new ListingRefused(Reason.INVALID, "exclusionGround", "only-for-art5", "只有依第十二条第三项移出时才填写第五条情形");
        }
    }

    /**
     * The office opens a re-review (复核) of a listed product on a report: the public record shows 复核中, the product
     * stays listed, and review-service gets the brief. One open re-review at a time; opening the same one again
     * changes nothing (a retried command).
     */
    public Outcome openReReview(String reReviewId, ReReview.Brief brief, String by, Instant now) {
        if (reReview != null && reReview.id().equals(reReviewId)) {
            return Outcome.unchanged(this);
        }
        if (status != ListingStatus.LISTED) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "not-listed", "只有已纳入清单的产品可以复核（当前：" + status.label() + "）");
        }
        if (reReview != null) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "re-review-open", "该产品已在复核中，请等待专委会结论");
        }
        text("reason", brief.reason(), true);
        ReReview opened = new ReReview(reReviewId, brief.reportId(), now, by);
        Listing changed = with(status, listedAt, delisting, objections,
                new HistoryEntry(now, "RE_REVIEW_OPENED", "收到情况反映，启动复核（第十二条），复核期间仍在清单中", null), null)
                .withReReview(opened);
        return new Outcome(changed, List.of(new RegisterEvent.ReReviewOpened(changed, opened, brief)), true);
    }

    /**
     * The committee's conclusion of the open re-review: kept (复核保留, with its reasons, in the public history), or
     * delisted for the Art. 12 reason the report supports (a new edition). A conclusion of another or an already
     * concluded re-review changes nothing (a redelivered event).
     */
    public Outcome concludeReReview(ReReview.Conclusion c, Instant now) {
        if (reReview == null || !reReview.id().equals(c.reReviewId())) {
            return Outcome.unchanged(this);
        }
        String reasons = String.join("；", c.reasons());
        if (c.keep()) {
            Listing kept = with(status, listedAt, delisting, objections, new HistoryEntry(now, "RE_REVIEW_KEPT", "复核保留：" + reasons, null), null)
                    .withReReview(null);
            return new Outcome(kept, List.of(new RegisterEvent.ReReviewConcluded(kept, c.reReviewId(), true, c.reasons())), true);
        }
        requireArt12(c.reason(), c.ground());
        Outcome left = leave(new Delisting(c.reason(), c.ground(), "复核结论：" + reasons, null, now, c.decidedBy(), c.reReviewId()), now);
        return new Outcome(left.listing(), List.of(new RegisterEvent.ReReviewConcluded(left.listing(), c.reReviewId(), false, c.reasons())),
                true);
    }

    /**
     * The office accepts a major change of the enterprise (Art. 12 (二)) and corrects the public record: the enterprise's
     * name and USCC wherever the product's public data names that organisation (as enterprise, lead applicant or
     * participant). A new edition follows, as for any change of the list; the product stays listed.
     */
    public Outcome correctRecord(String correctionId, EnterpriseChangeKind change, String newEnterpriseName, String newEnterpriseUscc,
                                 String note, Instant now) {
        String mark = "（变更报告 " + correctionId + "）";
        if (history.stream().anyMatch(h -> h.type().equals("RECORD_CORRECTED") && h.summary().endsWith(mark))) {
            return Outcome.unchanged(this); // corrected before: a repeated command
        }
        if (status != ListingStatus.LISTED) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "not-listed", "只有已纳入清单的产品可以更正信息（当前：" + status.label() + "）");
        }
        String name = newEnterpriseName == null || newEnterpriseName.isBlank() ? null : newEnterpriseName.trim();
        String uscc = newEnterpriseUscc == null || newEnterpriseUscc.isBlank() ? null : newEnterpriseUscc.trim().toUpperCase(java.util.Locale.ROOT);
        if (uscc != null) {
            org.qingdan.contracts.form.Uscc.violation(uscc).ifPresent(rule -> {
                throw new ListingRefused(Reason.INVALID, "newEnterpriseUscc", rule, "统一社会信用代码不正确（GB 32100-2015）");
            });
        }
        text("newEnterpriseName", name, false);
        text("note", note, true);
        if (name != null && name.codePointCount(0, name.length()) > 100) {
            throw new ListingRefused(Reason.INVALID, "newEnterpriseName", "max-length", "不超过 100 字");
        }
        ListedProduct.Organisation old = product.enterprise();
        String nextName = name == null ? old.name() : name;
        String nextUscc = uscc == null ? old.uscc() : uscc;
        java.util.function.UnaryOperator<ListedProduct.Organisation> renamed = o -> o != null && old.uscc().equals(o.uscc())
                ? new ListedProduct.Organisation(nextName, nextUscc, o.role()) : o;
        ListedProduct corrected = new ListedProduct(product.applicationId(), product.callYear(), product.productName(), product.introduction(),
                product.productType(), product.scenarios(), product.otherScenarioDescription(), product.keyTechnologies(), product.goLiveDate(),
                renamed.apply(old), renamed.apply(product.leadApplicant()),
                product.participants() == null ? null : product.participants().stream().map(renamed).toList(), product.honours());
        StringBuilder summary = new StringBuilder("信息更正（" + change.label() + "）");
        if (name != null && !name.equals(old.name())) {
            summary.append("：企业名称 ").append(old.name()).append(" → ").append(name);
        }
        if (uscc != null && !uscc.equals(old.uscc())) {
            summary.append("；统一社会信用代码 ").append(old.uscc()).append(" → ").append(uscc);
        }
        summary.append("；").append(note.trim()).append(mark);
        List<HistoryEntry> nextHistory = new ArrayList<>(history);
        nextHistory.add(new HistoryEntry(now, "RECORD_CORRECTED", summary.toString(), null));
        Listing changed = new Listing(id, corrected, status, noticeStartsAt, noticeEndsAt, noticeDays, listedAt, delisting, objections,
                nextHistory, version + 1, new PendingEdition("RECORD_CORRECTED", summary.toString(), now, status, null, product, change),
                reReview, reconfirmation);
        return new Outcome(changed, List.of(), true);
    }

    /** The anniversary by which the lead must re-confirm this listed product (null unless listed). */
    public Instant reconfirmDueAt() {
        if (status != ListingStatus.LISTED || listedAt == null) {
            return null;
        }
        return Reconfirmation.dueAfter(reconfirmation != null && reconfirmation.lastConfirmedAt() != null
                ? reconfirmation.lastConfirmedAt() : listedAt);
    }

    public Instant lastConfirmedAt() {
        return reconfirmation == null ? null : reconfirmation.lastConfirmedAt();
    }

    /**
     * The lead re-confirms the listed product for the year (年度确认): still in production use, no unreported major
     * incident, and whether the self-assessment is still accurate — if not, the four ratings as they are now and why
     * ({@link SelfAssessmentUpdate}; the application is not amended). From {@value Reconfirmation#WINDOW_DAYS} days before
     * the anniversary on (or at any time once overdue). The public record shows the date, never the ratings.
     */
    public Outcome reconfirm(Boolean inProduction, Boolean noUnreportedIncident, Boolean selfAssessmentAccurate, SelfAssessmentUpdate update,
                             String note, String by, Instant now) {
        if (status != ListingStatus.LISTED) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "not-listed", "只有已纳入清单的产品需要年度确认（当前：" + status.label() + "）");
        }
        confirmed("inProduction", inProduction, "请确认产品仍在生产环境中使用；如已停止使用，请申请自愿退出");
        confirmed("noUnreportedIncident", noUnreportedIncident, "请确认没有未报告的重大事故；如有，请先报告重大变更");
        if (selfAssessmentAccurate == null) {
            throw new ListingRefused(Reason.INVALID, "selfAssessmentAccurate", "required", "请说明自主评估是否仍然准确；不再准确时请填写现评价");
        }
        SelfAssessmentUpdate declared = null;
        if (selfAssessmentAccurate) {
            if (SelfAssessmentUpdate.given(update)) {
                throw new ListingRefused(Reason.INVALID, SelfAssessmentUpdate.FIELD, "only-when-not-accurate",
                        "自主评估仍然准确时不填写现评价");
            }
        } else {
            declared = SelfAssessmentUpdate.complete(update);
        }
        text("note", note, false);
        Instant due = reconfirmDueAt();
        if (now.isBefore(due.minus(java.time.Duration.ofDays(Reconfirmation.WINDOW_DAYS)))) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "not-yet-due", "年度确认可于周年日前 " + Reconfirmation.WINDOW_DAYS + " 天内进行（周年日：" + due + "）");
        }
        List<HistoryEntry> nextHistory = new ArrayList<>(history);
        // public: the same words whether or not the self-assessment changed; that it did, and the ratings, are between
        // the lead and the office (the reconfirmation's history, listing.office.events)
        nextHistory.add(new HistoryEntry(now, "RECONFIRMED", "年度确认：产品仍在生产使用，无未报告的重大事故", null));
        Reconfirmation next = Reconfirmation.confirmed(reconfirmation,
                new Reconfirmation.Confirmation(now, by, declared == null, declared, note == null || note.isBlank() ? null : note.trim()));
        Listing confirmed = new Listing(id, product, status, noticeStartsAt, noticeEndsAt, noticeDays, listedAt, delisting, objections,
                nextHistory, version + 1, null, reReview, next);
        return new Outcome(confirmed, List.of(new RegisterEvent.Reconfirmed(confirmed, declared)), true);
    }

    /** Once per anniversary, a listed product whose re-confirmation is overdue is flagged to the office. */
    public Outcome flagOverdue(Instant now) {
        Instant due = reconfirmDueAt();
        if (due == null || now.isBefore(due) || (reconfirmation != null && due.equals(reconfirmation.overdueFlaggedFor()))) {
            return Outcome.unchanged(this);
        }
        Listing flagged = new Listing(id, product, status, noticeStartsAt, noticeEndsAt, noticeDays, listedAt, delisting, objections, history,
                version + 1, null, reReview, Reconfirmation.flagged(reconfirmation, due));
        return new Outcome(flagged, List.of(new RegisterEvent.ReconfirmationOverdue(flagged, due)), true);
    }

    /** The organisation that leads the product: its lead applicant, or the enterprise when it led. */
    public ListedProduct.Organisation lead() {
        return product.leadApplicant() != null ? product.leadApplicant() : product.enterprise();
    }

    private static void confirmed(String field, Boolean value, String message) {
        if (!Boolean.TRUE.equals(value)) {
            throw new ListingRefused(Reason.INVALID, field, "must-confirm", message);
        }
    }

    private Listing withReReview(ReReview next) {
        return new Listing(id, product, status, noticeStartsAt, noticeEndsAt, noticeDays, listedAt, delisting, objections, history,
                version, pendingEdition, next, reconfirmation);
    }

    /** The enterprise leaves the list of its own will (Art. 3: participation is voluntary). */
    public Outcome withdrawVoluntarily(String explanation, String by, Instant now) {
        return leave(new Delisting(DelistingReason.VOLUNTARY_WITHDRAWAL, null, explanation, null, now, by, null), now);
    }

    /** Whether this user's organisation is the product's enterprise or its lead applicant. */
    public boolean ownedBy(java.util.function.Predicate<String> belongsTo) {
        return belongsTo.test(product.enterprise().uscc())
                || (product.leadApplicant() != null && belongsTo.test(product.leadApplicant().uscc()));
    }

    private Outcome leave(Delisting delisting, Instant now) {
        if (status != ListingStatus.LISTED) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "not-listed", "只有已纳入清单的产品可以移出（当前：" + status.label() + "）");
        }
        text("explanation", delisting.explanation(), true);
        text("evidence", delisting.evidence(), false);
        Delisting clean = new Delisting(delisting.reason(), delisting.exclusionGround(), delisting.explanation().trim(),
                delisting.evidence() == null ? null : delisting.evidence().trim(), delisting.at(), delisting.by(), delisting.reReviewId());
        return change(ListingStatus.DELISTED, listedAt, clean, objections, "DELISTED", "移出清单：" + clean.reason().label(), now, null);
    }

    private Outcome change(ListingStatus next, Instant nextListedAt, Delisting nextDelisting, List<Objection> nextObjections,
                           String type, String summary, Instant now, String objectionId) {
        Listing changed = with(next, nextListedAt, nextDelisting, nextObjections, new HistoryEntry(now, type, summary, null),
                new PendingEdition(type, summary, now, status, objectionId));
        return new Outcome(changed, List.of(), true);
    }

    /** The entry this listing had in the list before its pending change (null if it had none). */
    public Edition.Entry entryBefore() {
        ListingStatus before = pendingEdition.before();
        ListedProduct was = pendingEdition.productBefore() != null ? pendingEdition.productBefore() : product;
        return before == null ? null : new Edition.Entry(id, before, was);
    }

    /** The entry after the change: its status says whether the product is (still) on notice or on the list. */
    public Edition.Entry entryAfter() {
        return new Edition.Entry(id, status, product);
    }

    /** What the pending change says in the edition chain. */
    public Edition.Change editionChange() {
        return new Edition.Change(pendingEdition.type(), id, product.productName(), pendingEdition.summary());
    }

    /** The pending change took {@code edition}: its history entry names it, and its event is raised. */
    public Sequenced sequence(Edition edition) {
        if (pendingEdition == null) {
            throw new IllegalStateException("no change of the list is pending for " + id);
        }
        List<HistoryEntry> numbered = new ArrayList<>(history);
        HistoryEntry last = numbered.get(numbered.size() - 1);
        numbered.set(numbered.size() - 1, new HistoryEntry(last.at(), last.type(), last.summary(), edition.number()));
        Listing next = new Listing(id, product, status, noticeStartsAt, noticeEndsAt, noticeDays, listedAt, delisting,
                objections, numbered, version, null, reReview, reconfirmation);
        RegisterEvent event = switch (pendingEdition.type()) {
            case "PUBLIC_NOTICE_STARTED" -> new RegisterEvent.NoticeStarted(next, edition);
            case "LISTED" -> new RegisterEvent.Listed(next, edition);
            case "DELISTED" -> new RegisterEvent.Delisted(next, edition);
            case "RECORD_CORRECTED" -> new RegisterEvent.RecordCorrected(next, edition, pendingEdition.change(), pendingEdition.summary());
            case "OBJECTION_UPHELD" -> new RegisterEvent.ObjectionDecided(next,
                    next.objection(pendingEdition.objectionId()).orElseThrow(), edition.number());
            default -> throw new IllegalStateException("unknown change " + pendingEdition.type());
        };
        return new Sequenced(next, event);
    }

    /** The edition of the last history entry of {@code type}, if it made one. */
    public Long editionOf(String type) {
        Long found = null;
        for (HistoryEntry h : history) {
            if (h.type().equals(type) && h.edition() != null) {
                found = h.edition();
            }
        }
        return found;
    }

    private Listing with(ListingStatus nextStatus, Instant nextListedAt, Delisting nextDelisting, List<Objection> nextObjections,
                         HistoryEntry entry, PendingEdition pending) {
        List<HistoryEntry> nextHistory = new ArrayList<>(history);
        nextHistory.add(entry);
        // leaving the list ends an open re-review: there is nothing left to keep or delist
        return new Listing(id, product, nextStatus, noticeStartsAt, noticeEndsAt, noticeDays, nextListedAt, nextDelisting,
                nextObjections, nextHistory, version + 1, pending, nextStatus == ListingStatus.LISTED ? reReview : null, reconfirmation);
    }

    /** A text of a command: required or not, at most {@value #MAX_TEXT} characters; refused naming the field and rule. */
    public static void text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new ListingRefused(Reason.INVALID, field, "required", "必填");
            }
            return;
        }
        if (value.codePointCount(0, value.length()) > MAX_TEXT) {
            throw new ListingRefused(Reason.INVALID, field, "max-length", "不超过 " + MAX_TEXT + " 字");
        }
    }
}
