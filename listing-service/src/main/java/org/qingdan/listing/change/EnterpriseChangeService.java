package org.qingdan.listing.change;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.qingdan.contracts.listing.EnterpriseChangeKind;
import org.qingdan.contracts.listing.EnterpriseChangeReported;
import org.qingdan.listing.change.domain.EnterpriseChange;
import org.qingdan.listing.change.persistence.EnterpriseChangeStore;
import org.qingdan.listing.register.ReReviewFollowers;
import org.qingdan.listing.register.RegisterService;
import org.qingdan.listing.register.domain.DelistingReason;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingRefused;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.listing.register.persistence.ListingStore;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.outbox.VersionedStore.Write;
import org.qingdan.support.query.Page;
import org.qingdan.support.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Major changes of a listed product's enterprise (Art. 12 (二)): reported by the enterprise or the lead applicant,
 * decided by the office. Each decision changes the listing first (corrected record and its edition, a re-review, or
 * the delisting), then the change report, so a command repeated after a crash completes it; each step is in the
 * listing's audit trail.
 */
@Service
public class EnterpriseChangeService implements ReReviewFollowers {

    static final String RE_REVIEW_PREFIX = "rc-";

    private final EnterpriseChangeStore changes;
    private final ListingStore listings;
    private final RegisterService register;
    private final AuditRecorder audit;
    private final Clock clock;

    public EnterpriseChangeService(EnterpriseChangeStore changes, ListingStore listings, RegisterService register, AuditRecorder audit,
                                   Clock clock) {
        this.changes = changes;
        this.listings = listings;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    public EnterpriseChange report(CurrentUser user, String listingId, EnterpriseChangeKind kind, String description, LocalDate effectiveOn,
                                   String newName, String newUscc) {
        String org = user.organisation().orElse(null);
        Listing listing = listings.findPublic(listingId).filter(l -> l.status() == ListingStatus.LISTED)
                .orElseThrow(() -> new ListingRefused(ListingRefused.Reason.NOT_FOUND, null, "not-found", "清单中没有产品 " + listingId));
        if (org == null || !user.isMember() || !listing.ownedBy(user::belongsTo)) {
            throw Refusal.forbidden("只有产品所属企业或牵头申报单位可以报告重大变更");
        }
        EnterpriseChange change = EnterpriseChange.report(UUID.randomUUID().toString(), listingId, listing.product().productName(), org,
                user.orgName(), user.username(), kind, description, effectiveOn, newName, newUscc, clock.instant());
        changes.insert(change, List.of(new EnterpriseChangeReported(UUID.randomUUID(), clock.instant(), change.id(), 0, listingId,
                change.productName(), kind, change.description(), effectiveOn, user.orgName(), change.reportedAt())));
        audit.record(RegisterService.AUDIT_TYPE, listingId, user, "ENTERPRISE_CHANGE_REPORTED",
                "报告重大变更 " + change.id() + "（" + kind.label() + "）：" + change.description());
        return change;
    }

    /** The office accepts the change: the public record is corrected and a new edition published. */
    public EnterpriseChange accept(CurrentUser office, String changeId, String note) {
        EnterpriseChange c = read(changeId);
        if (c.status() != EnterpriseChange.Status.ACCEPTED) {
            c.accepted(note, office.username(), clock.instant()); // refuses what it must before the listing changes
            register.correctRecord(office, c.listingId(), c.id(), c.kind(), c.newEnterpriseName(), c.newEnterpriseUscc(), note);
        }
        return execute(changeId, x -> x.status() == EnterpriseChange.Status.ACCEPTED ? x : x.accepted(note, office.username(), clock.instant()));
    }

    /** The office delists the product for reason (二): a major change affecting delivery or after-sales service. */
    public EnterpriseChange delist(CurrentUser office, String changeId, String note) {
        EnterpriseChange c = read(changeId);
        if (c.status() != EnterpriseChange.Status.DELISTED) {
            c.delisted(note, office.username(), clock.instant());
            if (listings.findPublic(c.listingId()).map(Listing::status).orElse(null) == ListingStatus.LISTED) {
                register.delist(office, c.listingId(), DelistingReason.MAJOR_ENTERPRISE_CHANGE, null,
                        c.kind().label() + "：" + c.description() + "；" + note, null);
            }
        }
        return execute(changeId, x -> x.status() == EnterpriseChange.Status.DELISTED ? x : x.delisted(note, office.username(), clock.instant()));
    }

    /** The office opens a re-review of the product on this change. */
    public EnterpriseChange reReview(CurrentUser office, String changeId, String reason) {
        EnterpriseChange c = read(changeId);
        String reReviewId = RE_REVIEW_PREFIX + changeId;
        if (!reReviewId.equals(c.reReviewId())) {
            c.reReviewOpened(reReviewId, reason, office.username(), clock.instant());
        }
        register.openReReview(office, c.listingId(), reReviewId, c.brief(reason));
        return execute(changeId, x -> x.reReviewOpened(reReviewId, reason, office.username(), clock.instant()));
    }

    @Override
    public void concluded(String reReviewId, boolean kept, List<String> reasons) {
        if (reReviewId != null && reReviewId.startsWith(RE_REVIEW_PREFIX)) {
            String id = reReviewId.substring(RE_REVIEW_PREFIX.length());
            if (changes.find(id).isPresent()) {
                execute(id, x -> x.concluded(kept));
            }
        }
    }

    public EnterpriseChange readable(CurrentUser user, String changeId) {
        EnterpriseChange c = read(changeId);
        if (user.isOffice() || (user.isMember() && user.belongsTo(c.orgUscc()))) {
            return c;
        }
        throw notFound(changeId);
    }

    public Page<EnterpriseChange> page(String listingId, EnterpriseChange.Status status, int page, int size) {
        return changes.page(listingId, status, page, size);
    }

    private EnterpriseChange read(String changeId) {
        return changes.find(changeId).map(Versioned::state).orElseThrow(() -> notFound(changeId));
    }

    private static ListingRefused notFound(String changeId) {
        return new ListingRefused(ListingRefused.Reason.NOT_FOUND, null, "not-found", "变更报告 " + changeId + " 不存在");
    }

    private EnterpriseChange execute(String changeId, UnaryOperator<EnterpriseChange> command) {
        return changes.change(changeId, read -> Write.unlessUnchanged(read.state(), command.apply(read.state()), List.of()))
                .orElseThrow(() -> notFound(changeId)).state();
    }
}
