package org.qingdan.listing.report;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.listing.register.domain.ListedProduct;
import org.qingdan.contracts.listing.ReportKind;
import org.qingdan.listing.register.ReReviewFollowers;
import org.qingdan.listing.register.RegisterService;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingRefused;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.listing.register.domain.ReReview;
import org.qingdan.listing.register.persistence.ListingStore;
import org.qingdan.listing.report.domain.Report;
import org.qingdan.listing.report.domain.ReportScope;
import org.qingdan.listing.report.events.ReportEventsAdapter;
import org.qingdan.listing.report.persistence.ReportFiles;
import org.qingdan.listing.report.persistence.ReportStore;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.files.FileRejected;
import org.qingdan.support.files.Uploads;
import org.qingdan.support.outbox.VersionedStore.Write;
import org.qingdan.support.query.Page;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.Idempotency;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Reports on listed products (Art. 12): members file them, the office asks the enterprise and the lead applicant for a
 * response, dismisses them, or opens a re-review. Every step is in the listing's audit trail (the office reads it
 * with the listing's); who filed a report is for the office alone.
 */
@Service
public class ReportService implements ReReviewFollowers {


    private final ReportStore reports;
    private final ReportFiles files;
    private final ListingStore listings;
    private final RegisterService register;
    private final Uploads uploads;
    private final AuditRecorder audit;
    private final Clock clock;

    public ReportService(ReportStore reports, ReportFiles files, ListingStore listings, RegisterService register, Uploads uploads,
                         AuditRecorder audit, Clock clock) {
        this.reports = reports;
        this.files = files;
        this.listings = listings;
        this.register = register;
        this.uploads = uploads;
        this.audit = audit;
        this.clock = clock;
    }

    /** An uploaded file as it arrives: its name and content. */
    public record Upload(String name, InputStream content) {
    }

    /**
     * A member (applicant or vendor of a member organisation) files a report about a listed product. With an
     * Idempotency-Key the report's id follows from the organisation and the key: a replay answers the report it filed
     * (422 if the request differs), looked up before any file is stored; the insert's unique id decides a race.
     */
    public Report file(CurrentUser member, String listingId, List<ReportKind> kinds, String description, LocalDate occurredOn,
                       List<Upload> evidence, String idempotencyKey, String requestHash) throws IOException {
        String org = member(member, "只有会员单位的申报用户（applicant、vendor）可以反映情况");
        String id = Idempotency.idFor("report", org, idempotencyKey);
        Optional<Versioned<Report>> earlier = reports.find(id);
        if (earlier.isPresent()) {
            return Idempotency.replay(earlier.get().state(), earlier.get().requestHash(), requestHash);
        }
        Listing listing = listings.findPublic(listingId).filter(l -> l.status() == ListingStatus.LISTED)
                .orElseThrow(() -> new ListingRefused(ListingRefused.Reason.NOT_FOUND, null, "not-found", "清单中没有产品 " + listingId));
        if (reports.openOf(listingId, org) >= Report.MAX_OPEN_PER_ORGANISATION) {
            throw new ListingRefused(ListingRefused.Reason.WRONG_STATE, null, "max-open-per-organisation",
                    "本单位对该产品已有 " + Report.MAX_OPEN_PER_ORGANISATION + " 条待处理的情况反映，请等待办公室处理");
        }
        List<ReReview.File> stored = store(id, org, evidence);
        ListedProduct p = listing.product();
        Report.Outcome outcome = Report.file(id, listingId, p.productName(), party(p.enterprise()), party(p.leadApplicant()),
                new Report.Reporter(member.username(), member.displayName(), org, member.orgName()), kinds, description, occurredOn,
                stored, clock.instant());
        try {
            reports.insert(outcome.report(), requestHash, events(outcome));
        } catch (DuplicateKeyException raced) {
            // the same key's other request won (this one's files stay unreferenced)
            Versioned<Report> first = reports.find(id).orElseThrow();
            return Idempotency.replay(first.state(), first.requestHash(), requestHash);
        }
        audit.record(RegisterService.AUDIT_TYPE, listingId, member, "REPORT_FILED",
                "反映情况 " + id + "（" + String.join("、", kinds.stream().map(ReportKind::label).toList()) + "）：" + description);
        return outcome.report();
    }

    public Report requestResponse(CurrentUser office, String reportId, String question, Instant respondBy) {
        Report r = execute(reportId, x -> x.requestResponse(question, respondBy, office.username(), clock.instant()));
        audit.record(RegisterService.AUDIT_TYPE, r.listingId(), office, "REPORT_RESPONSE_REQUESTED",
                "就情况反映 " + reportId + " 请企业及牵头申报单位于 " + respondBy + " 前说明：" + question);
        return r;
    }

    /** The enterprise or the lead applicant answers, with text and files. */
    public Report respond(CurrentUser user, String reportId, String text, List<Upload> uploaded) throws IOException {
        String org = member(user, "只有产品所属企业或牵头申报单位的用户可以说明情况");
        Report current = readable(user, reportId);
        if (!current.concerns(org)) {
            throw notFound(reportId);
        }
        // refused before anything is stored when the report takes no response (state, deadline)
        current.respond(org, user.orgName(), user.username(), text, List.of(), clock.instant());
        List<ReReview.File> stored = store(reportId, org, uploaded);
        Report r = execute(reportId, x -> x.respond(org, user.orgName(), user.username(), text, stored, clock.instant()));
        audit.record(RegisterService.AUDIT_TYPE, r.listingId(), user, "REPORT_RESPONDED",
                "就情况反映 " + reportId + " 作出说明（" + stored.size() + " 个附件）：" + text);
        return r;
    }

    public Report dismiss(CurrentUser office, String reportId, String reason) {
        Report r = execute(reportId, x -> x.dismiss(reason, office.username(), clock.instant()));
        audit.record(RegisterService.AUDIT_TYPE, r.listingId(), office, "REPORT_DISMISSED", "情况反映 " + reportId + " 不予采纳：" + reason);
        return r;
    }

    /**
     * The office opens a re-review of the product on this report: first the listing (复核中, and the brief for
     * review-service in its outbox), then the report. The re-review's id follows from the report's, so a command
     * repeated after a crash between the two writes completes the second and changes nothing else.
     */
    public Report openReReview(CurrentUser office, String reportId, String reason) {
        Report current = reports.find(reportId).map(Versioned::state).orElseThrow(() -> notFound(reportId));
        String reReviewId = "rr-" + reportId;
        if (!current.status().open() && !reReviewId.equals(current.reReviewId())) {
            current.reReviewOpened(reReviewId, reason, office.username(), clock.instant()); // refuses: already decided
        }
        register.openReReview(office, current.listingId(), reReviewId, current.brief(reason));
        return execute(reportId, x -> x.reReviewOpened(reReviewId, reason == null ? null : reason.trim(), office.username(), clock.instant()));
    }

    /**
     * The committee concluded the re-review a report led to (the listing has applied it): the report follows, and its
     * reporter hears of it (listing.report-closed.v1, once: a concluded report does not conclude again).
     */
    @Override
    public void concluded(String reReviewId, boolean kept, List<String> reasons) {
        if (reReviewId == null || !reReviewId.startsWith("rr-")) {
            return;
        }
        String reportId = reReviewId.substring(3);
        if (reports.find(reportId).isPresent()) {
            execute(reportId, x -> x.conclude(kept, reasons));
        }
    }

    /** A report as the user may see it; 404 for anyone who may not see it at all. */
    public Report readable(CurrentUser user, String reportId) {
        Report r = reports.find(reportId).map(Versioned::state).orElseThrow(() -> notFound(reportId));
        if (office(user)) {
            return r;
        }
        String org = user.organisation().orElse(null);
        if (!user.isMember() || !(r.filedBy(org) || r.concerns(org))) {
            throw notFound(reportId);
        }
        return r;
    }

    /** A file of a report: the office; the organisation that uploaded it (the reporter's evidence, a responder's files). */
    public record Download(ReReview.File file, InputStream content) {
    }

    public Download download(CurrentUser user, String reportId, String fileId) {
        Report r = readable(user, reportId);
        String org = user.organisation().orElse(null);
        List<ReReview.File> visible = new ArrayList<>();
        if (office(user) || r.filedBy(org)) {
            visible.addAll(r.evidence());
        }
        r.responses().stream().filter(x -> office(user) || x.orgUscc().equals(org)).forEach(x -> visible.addAll(x.files()));
        ReReview.File file = visible.stream().filter(f -> f.id().equals(fileId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("文件 " + fileId + " 不存在"));
        return new Download(file, files.open(fileId));
    }

    public Page<Report> page(CurrentUser user, ReportScope scope, String listingId, org.qingdan.listing.report.domain.ReportStatus status,
                                 int page, int size) {
        if (scope == ReportScope.ALL) {
            if (!office(user)) {
                throw Refusal.forbidden("只有专委会办公室可以查看全部情况反映");
            }
            return reports.page(scope, null, listingId, status, page, size);
        }
        String org = member(user, "只有会员单位的申报用户可以查看本单位的情况反映");
        return reports.page(scope, org, listingId, status, page, size);
    }

    public static boolean office(CurrentUser user) {
        return user.isOffice();
    }

    private static String member(CurrentUser user, String refusal) {
        String org = user.organisation().orElse(null);
        if (org == null || !user.isMember()) {
            throw Refusal.forbidden(refusal);
        }
        return org;
    }

    private List<ReReview.File> store(String reportId, String org, List<Upload> uploaded) throws IOException {
        List<Upload> all = uploaded == null ? List.of() : uploaded.stream().filter(u -> u != null).toList();
        if (all.size() > Report.MAX_FILES) {
            throw new FileRejected(422, "max-count", "至多上传 " + Report.MAX_FILES + " 个文件");
        }
        List<ReReview.File> stored = new ArrayList<>();
        for (Upload u : all) {
            stored.add(uploads.accept(u.name(), u.content(), f -> files.store(reportId, org, f, clock.instant())));
        }
        return stored;
    }

    private static Report.Party party(ListedProduct.Organisation o) {
        return o == null ? null : new Report.Party(o.name(), o.uscc());
    }

    private static ListingRefused notFound(String reportId) {
        return new ListingRefused(ListingRefused.Reason.NOT_FOUND, null, "not-found", "情况反映 " + reportId + " 不存在");
    }

    private List<DomainEvent> events(Report.Outcome outcome) {
        return outcome.events().stream().map(e -> ReportEventsAdapter.toContract(e, clock.instant())).toList();
    }

    private Report execute(String reportId, Function<Report, Report.Outcome> command) {
        return reports.change(reportId, read -> {
            Report.Outcome outcome = command.apply(read.state());
            return Write.unlessUnchanged(read.state(), outcome.report(), events(outcome));
        }).orElseThrow(() -> notFound(reportId)).state();
    }
}
