package org.qingdan.listing.announcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.qingdan.listing.announcement.domain.Announcement;
import org.qingdan.listing.announcement.domain.AnnouncementKind;
import org.qingdan.listing.announcement.persistence.AnnouncementStore;
import org.qingdan.listing.register.domain.ListingRefused;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.domain.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The announcements (公示) of the list: one per day and kind, built from that day's listings, with the office's 文号 and
 * contact line until it is final ({@link Announcement}).
 */
@Service
public class AnnouncementService {

    /** The aggregate type of announcements in the audit trail. */
    public static final String AUDIT_TYPE = "announcement";

    private final AnnouncementStore store;
    private final Clock clock;
    private final AuditRecorder audit;
    private final String issuer;
    private final Duration amendableFor;

    public AnnouncementService(AnnouncementStore store, Clock clock, AuditRecorder audit,
                               @Value("${qingdan.announcements.issuer:河北省金融市场协会金融科技专业委员会}") String issuer,
                               @Value("${qingdan.announcements.amendable-for:P1D}") Duration amendableFor) {
        if (amendableFor.isNegative()) {
            throw new IllegalArgumentException("qingdan.announcements.amendable-for must not be negative, not " + amendableFor);
        }
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.issuer = issuer;
        this.amendableFor = amendableFor;
    }

    /** The announcement of {@code date}; 404 when no product entered notice (or left the list) that day. */
    public Announcement announcement(AnnouncementKind kind, LocalDate date) {
        List<Announcement.Entry> entries = store.entries(kind, Announcement.dayStart(date), Announcement.dayStart(date.plusDays(1)));
        if (entries.isEmpty()) {
            throw Refusal.notFound(date + " 没有" + (kind == AnnouncementKind.PUBLIC_NOTICE ? "开始公示" : "移出清单") + "的产品");
        }
        return new Announcement(kind, date, entries, store.additions(kind, date).orElse(Announcement.Additions.NONE),
                !clock.instant().isBefore(Announcement.finalAt(date, amendableFor)), issuer);
    }

    /** Who changed the announcement and when, oldest first (office); 404 on a day without one. */
    public AuditRecorder.Page trail(AnnouncementKind kind, LocalDate date, int page, int size) {
        announcement(kind, date);
        return audit.trail(AUDIT_TYPE, kind.slug() + ":" + date, page, size);
    }

    /** The office sets the 文号 and the contact line; refused once the announcement is final (409 announcement-final). */
    public Announcement amend(CurrentUser user, AnnouncementKind kind, LocalDate date, String documentNumber, String contact) {
        if (!user.isOffice()) {
            throw Refusal.forbidden("只有专委会办公室可以修改公示");
        }
        Announcement.Additions additions;
        try {
            additions = Announcement.clean(documentNumber, contact);
        } catch (ListingRefused e) {
            throw Refusal.invalid("公示内容不符合要求", List.of(new Refusal.Violation(e.field(), e.rule(), e.getMessage())));
        }
        Announcement current = announcement(kind, date);
        Instant now = clock.instant();
        if (current.isFinal()) {
            throw Refusal.conflict("announcement-final", "该公示已定稿（" + date + " 次日起 " + amendableFor.toHours()
                    + " 小时后），不能再修改");
        }
        store.saveAdditions(kind, date, additions, user.subject(), now);
        audit.record(AUDIT_TYPE, kind.slug() + ":" + date, user, "AMENDED",
                "文号：" + (additions.documentNumber() == null ? "无" : additions.documentNumber())
                        + "；联系方式：" + (additions.contact() == null ? "无" : additions.contact()));
        return new Announcement(kind, date, current.entries(), additions, false, issuer);
    }
}
