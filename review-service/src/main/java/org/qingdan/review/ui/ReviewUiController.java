package org.qingdan.review.ui;

import org.qingdan.support.query.Page;
import org.qingdan.support.security.Roles;
import org.qingdan.support.ui.UiUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qingdan.review.reviewcase.domain.ReviewedForm;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.review.reviewcase.domain.ExclusionGround;
import org.qingdan.review.reviewcase.domain.DelistingReason;
import org.qingdan.contracts.form.Rating;
import org.qingdan.review.reviewcase.CaseQuery;
import org.qingdan.review.reviewcase.ReviewService;
import org.qingdan.review.reviewcase.domain.Assignment;
import org.qingdan.review.reviewcase.domain.CaseStatus;
import org.qingdan.review.reviewcase.domain.Review;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.review.reviewcase.domain.ReviewRefused;
import org.qingdan.review.reviewer.domain.Reviewer;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.web.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The pages of the reviewer UI; everything an applicant typed reaches the page escaped (th:text). */
@Controller
@RequestMapping("/review")
public class ReviewUiController {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final ReviewService reviews;
    private final org.qingdan.review.discussion.DiscussionService discussion;
    private final MessageSource messages;

    public ReviewUiController(ReviewService reviews, org.qingdan.review.discussion.DiscussionService discussion, MessageSource messages) {
        this.reviews = reviews;
        this.discussion = discussion;
        this.messages = messages;
    }

    private static void common(Model model, CurrentUser user) {
        model.addAttribute("user", user);
        model.addAttribute("office", ReviewService.isOffice(user));
        model.addAttribute("seesAll", ReviewService.seesAll(user));
        model.addAttribute("reviewer", user.hasRole(Roles.REVIEWER));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
    }

    private UiErrors errors(Locale locale) {
        return new UiErrors(messages, locale);
    }

    private static void flash(RedirectAttributes redirect, List<UiErrors.UiError> errors) {
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("fieldErrors", UiErrors.byField(errors));
    }

    @GetMapping({"", "/"})
    public String home(@AuthenticationPrincipal OidcUser principal) {
        CurrentUser user = UiUsers.of(principal);
        return ReviewService.seesAll(user) ? "redirect:/review/cases" : "redirect:/review/assignments";
    }

    /** One row of a list: the case, and for an expert the state, due date and lateness of its own review. */
    public record Row(ReviewCase c, String myReview, Instant myDue, boolean overdue, Instant nextDue) {
    }

    @GetMapping("/assignments")
    public String assignments(@AuthenticationPrincipal OidcUser principal, @RequestParam(required = false) String tab,
                              @RequestParam(required = false) String call, @RequestParam(required = false) String overdue,
                              @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
                              @RequestParam(required = false) String size, Model model) {
        CurrentUser user = UiUsers.of(principal);
        common(model, user);
        CaseQuery query = CaseQuery.parse(null, call, tab == null ? CaseQuery.Tab.OPEN.name() : tab, overdue, sort, page, size);
        Page<ReviewCase> mine = user.hasRole(Roles.REVIEWER) ? reviews.visibleCases(user, query)
                : new Page<>(List.of(), query.page(), query.size(), 0);
        list(model, "/review/assignments", query, mine, user);
        return "review/assignments";
    }

    @GetMapping("/cases")
    public String cases(@AuthenticationPrincipal OidcUser principal, @RequestParam(required = false) String status,
                        @RequestParam(required = false) String tab, @RequestParam(required = false) String call,
                        @RequestParam(required = false) String overdue, @RequestParam(required = false) String sort,
                        @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
        CurrentUser user = UiUsers.of(principal);
        if (!ReviewService.seesAll(user)) {
            return "redirect:/review/assignments";
        }
        common(model, user);
        // a status chosen names its tab; without one, the working list (open cases) comes first
        String effectiveTab = status != null && !status.isBlank() ? null : (tab == null ? CaseQuery.Tab.OPEN.name() : tab);
        CaseQuery query = CaseQuery.parse(status, call, effectiveTab, overdue, sort, page, size);
        list(model, "/review/cases", query, reviews.visibleCases(user, query), user);
        return "review/cases";
    }

    /** The page's rows, the filters as chosen, and the links to the pages before and after, keeping every filter. */
    private void list(Model model, String path, CaseQuery query, Page<ReviewCase> page, CurrentUser user) {
        Instant now = reviews.now();
        List<Row> rows = page.items().stream().map(c -> row(c, user.username(), now)).toList();
        long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
        model.addAttribute("rows", rows);
        model.addAttribute("now", now);
        model.addAttribute("cases", page.items());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("query", query);
        model.addAttribute("tab", query.status() != null ? null : query.tab());
        model.addAttribute("tabs", CaseQuery.Tab.values());
        model.addAttribute("orders", CaseQuery.Order.values());
        model.addAttribute("calls", reviews.calls());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("status", query.status());
        model.addAttribute("path", path);
        model.addAttribute("tabUrls", Arrays.stream(CaseQuery.Tab.values()).collect(LinkedHashMap::new,
                (m, t) -> m.put(t, url(path, new CaseQuery(null, query.callId(), t, query.overdue(), query.order(), 0, query.size()))),
                Map::putAll));
        model.addAttribute("previousUrl", page.page() > 0 ? url(path, at(query, Math.min(page.page() - 1, pages - 1))) : null);
        model.addAttribute("nextUrl", page.page() + 1 < pages ? url(path, at(query, page.page() + 1)) : null);
    }

    private static CaseQuery at(CaseQuery q, long page) {
        return new CaseQuery(q.status(), q.callId(), q.tab(), q.overdue(), q.order(), (int) page, q.size());
    }

    static Row row(ReviewCase c, String me, Instant now) {
        var assignment = c.assignmentOf(me).filter(Assignment::active);
        var review = c.reviewOf(me);
        String state = review.isEmpty() ? "NOT_STARTED" : review.get().submitted() ? "SUBMITTED" : "DRAFT";
        Instant due = assignment.map(Assignment::dueAt).orElse(null);
        boolean open = c.status() == CaseStatus.ASSIGNED || c.status() == CaseStatus.OPEN;
        boolean late = assignment.isPresent() && open && !"SUBMITTED".equals(state) && due != null && due.isBefore(now);
        Instant nextDue = open ? c.activeAssignments().stream()
                .filter(a -> c.reviewOf(a.reviewerId()).filter(Review::submitted).isEmpty())
                .map(Assignment::dueAt).min(Instant::compareTo).orElse(null) : null;
        return new Row(c, assignment.isPresent() ? state : null, due, late, nextDue);
    }

    private static String url(String path, CaseQuery q) {
        var url = UriComponentsBuilder.fromPath(path);
        if (q.status() != null) {
            url.queryParam("status", q.status().name());
        }
        if (q.tab() != null && q.status() == null) {
            url.queryParam("tab", q.tab().name());
        }
        if (q.callId() != null) {
            url.queryParam("call", q.callId());
        }
        if (q.overdue()) {
            url.queryParam("overdue", true);
        }
        if (q.order() != CaseQuery.Order.NEWEST) {
            url.queryParam("sort", q.order().name());
        }
        url.queryParam("page", q.page());
        if (q.size() != CaseQuery.DEFAULT_SIZE) {
            url.queryParam("size", q.size());
        }
        return url.encode().build().toUriString();
    }

    /** An attachment as the case page lists it: what it is for in the form, and its size for a reader. */
    public record AttachmentRow(ReviewedForm.AttachmentRef ref, String kind, String size) {
    }

    @GetMapping("/cases/{id}")
    public String caseView(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, Model model, Locale locale) {
        CurrentUser user = UiUsers.of(principal);
        ReviewCase c = reviews.get(user, id).state();
        common(model, user);
        boolean seesAll = ReviewService.seesAll(user);
        model.addAttribute("c", c);
        model.addAttribute("dimensions", AssessmentDimension.values());
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("grounds", ExclusionGround.values());
        Review mine = c.reviewOf(user.username()).orElse(null);
        model.addAttribute("mine", mine);
        model.addAttribute("assigned", c.assignmentOf(user.username()).filter(Assignment::active).isPresent());
        // an expert sees the others only once its own is in; the office and the committee see every submitted one
        List<Review> visible = seesAll ? c.reviews().stream().filter(Review::submitted).toList()
                : c.reviewsVisibleTo(user.username()).stream().filter(r -> !r.reviewerId().equals(user.username())).toList();
        model.addAttribute("visibleReviews", visible);
        model.addAttribute("who", who(c, seesAll, locale));
        ReviewedForm form = c.form(); // null on a re-review: the product, the report and the answers instead
        model.addAttribute("selfRatings", form == null ? Map.of() : selfRatings(form));
        boolean scores = seesAll && (c.status() == CaseStatus.READY_FOR_DECISION || c.status() == CaseStatus.DECIDED);
        model.addAttribute("scores", scores ? c.scores() : null);
        model.addAttribute("findings", seesAll ? c.findings() : List.of());
        model.addAttribute("reopenings", seesAll ? c.reopenings() : List.of());
        model.addAttribute("attachments", form == null ? List.of() : attachments(form, locale));
        model.addAttribute("files", form == null ? Map.of() : form.attachments().stream()
                .collect(java.util.stream.Collectors.toMap(ReviewedForm.AttachmentRef::id, a -> a, (a, b) -> a)));
        model.addAttribute("selfAnswers", form == null ? Map.of() : selfAnswers(form));
        model.addAttribute("delistingReasons", java.util.Arrays.stream(DelistingReason.values())
                .filter(r -> r != DelistingReason.VOLUNTARY_WITHDRAWAL).toList());
        model.addAttribute("orgNames", seesAll ? reviews.pool().stream()
                .collect(java.util.stream.Collectors.toMap(Reviewer::id, r -> r.orgName() == null ? r.orgUscc() : r.orgName())) : Map.of());
        boolean assignable = c.status() == CaseStatus.OPEN || c.status() == CaseStatus.ASSIGNED;
        model.addAttribute("candidates", ReviewService.isOffice(user) && assignable ? reviews.candidates(user, c) : List.of());
        model.addAttribute("assignable", assignable);
        model.addAttribute("mayDiscuss", org.qingdan.review.discussion.DiscussionService.mayTakePart(user, c));
        model.addAttribute("posts", discussion.thread(user, c));
        return "review/case";
    }

    /**
     * How people are named on the case: by name for the office and the committee; to experts, 专家一, 二, 三 in order of
     * assignment, unless the office chose to show the experts each other's names on this case.
     */
    private Map<String, String> who(ReviewCase c, boolean seesAll, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        int n = 0;
        for (Assignment a : c.assignments()) {
            n++;
            String number = "zh".equals(locale.getLanguage()) && n <= NUMERALS.length ? NUMERALS[n - 1] : String.valueOf(n);
            names.put(a.reviewerId(), seesAll || c.expertNamesShown() ? a.reviewerName() : messages.getMessage("reviewer.alias", new Object[] {number}, locale));
        }
        return names;
    }

    /** The self-assessment's yes/no answers by dimension, each under its message key (self.*). */
    static Map<AssessmentDimension, Map<String, Boolean>> selfAnswers(ReviewedForm f) {
        Map<AssessmentDimension, Map<String, Boolean>> answers = new EnumMap<>(AssessmentDimension.class);
        var s = f.selfAssessment();
        if (s == null) {
            return answers;
        }
        Map<String, Boolean> legal = new LinkedHashMap<>();
        legal.put("scenarioProvidedByMember", s.legalCompliance().scenarioProvidedByMember());
        legal.put("regulatoryExemptionOrAttention", s.legalCompliance().regulatoryExemptionOrAttention());
        legal.put("violatesLawsBeyondExemption", s.legalCompliance().violatesLawsBeyondExemption());
        answers.put(AssessmentDimension.LEGAL_COMPLIANCE, legal);
        Map<String, Boolean> innovation = new LinkedHashMap<>();
        innovation.put("empowersDigitalTransformation", s.financialInnovation().empowersDigitalTransformation());
        innovation.put("orientedToRealEconomy", s.financialInnovation().orientedToRealEconomy());
        innovation.put("listedInXinchuangCatalogue", s.financialInnovation().listedInXinchuangCatalogue());
        innovation.put("thirdPartyAdaptationReport", s.financialInnovation().thirdPartyAdaptationReport());
        answers.put(AssessmentDimension.FINANCIAL_INNOVATION, innovation);
        Map<String, Boolean> risk = new LinkedHashMap<>();
        risk.put("risksIdentified", s.riskControl().risksIdentified());
        risk.put("majorLatentRisk", s.riskControl().majorLatentRisk());
        risk.put("preventionAndCompensation", s.riskControl().preventionAndCompensation());
        answers.put(AssessmentDimension.RISK_CONTROL, risk);
        Map<String, Boolean> service = new LinkedHashMap<>();
        service.put("effectiveComplaintMechanism", s.afterSalesService().effectiveComplaintMechanism());
        service.put("afterSalesAgreementSigned", s.afterSalesService().afterSalesAgreementSigned());
        answers.put(AssessmentDimension.AFTER_SALES_SERVICE, service);
        return answers;
    }

    private static Map<AssessmentDimension, Rating> selfRatings(ReviewedForm f) {
        Map<AssessmentDimension, Rating> self = new EnumMap<>(AssessmentDimension.class);
        var s = f.selfAssessment();
        if (s != null) {
            self.put(AssessmentDimension.LEGAL_COMPLIANCE, s.legalCompliance().rating());
            self.put(AssessmentDimension.FINANCIAL_INNOVATION, s.financialInnovation().rating());
            self.put(AssessmentDimension.RISK_CONTROL, s.riskControl().rating());
            self.put(AssessmentDimension.AFTER_SALES_SERVICE, s.afterSalesService().rating());
        }
        return self;
    }

    private List<AttachmentRow> attachments(ReviewedForm f, Locale locale) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (var m : f.supportingMaterials()) {
            kinds.putIfAbsent(m.attachmentId(), messages.getMessage("attachment.kind.material",
                    new Object[] {messages.getMessage("material." + m.kind().name(), null, m.kind().label(), locale)}, locale));
        }
        if (f.operationalEvaluation() != null && f.operationalEvaluation().reportAttachmentId() != null) {
            kinds.putIfAbsent(f.operationalEvaluation().reportAttachmentId(), messages.getMessage("attachment.kind.evaluation", null, locale));
        }
        for (var e : f.eligibility()) {
            if (e.attachmentId() != null) {
                kinds.putIfAbsent(e.attachmentId(), messages.getMessage("attachment.kind.eligibility", null, locale));
            }
        }
        if (f.commitment() != null && f.commitment().signedFormAttachmentId() != null) {
            kinds.putIfAbsent(f.commitment().signedFormAttachmentId(), messages.getMessage("attachment.kind.commitment", null, locale));
        }
        String other = messages.getMessage("attachment.kind.other", null, locale);
        return f.attachments().stream().map(a -> new AttachmentRow(a, kinds.getOrDefault(a.id(), other), humanSize(a.size()))).toList();
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    @PostMapping("/cases/{id}/review")
    public String review(@AuthenticationPrincipal OidcUser principal, @PathVariable String id,
                         @RequestParam Map<String, String> form, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = UiUsers.of(principal);
        Map<AssessmentDimension, Rating> ratings = new EnumMap<>(AssessmentDimension.class);
        Map<AssessmentDimension, String> evidence = new EnumMap<>(AssessmentDimension.class);
        for (AssessmentDimension d : AssessmentDimension.values()) {
            String v = form.get("rating_" + d.name());
            if (v != null && !v.isBlank()) {
                ratings.put(d, Rating.valueOf(v));
            }
            String e = form.get("evidence_" + d.name());
            if (e != null && !e.isBlank()) {
                evidence.put(d, e.strip());
            }
        }
        Map<ExclusionGround, Boolean> exclusions = new EnumMap<>(ExclusionGround.class);
        for (ExclusionGround g : ExclusionGround.values()) {
            String v = form.get("exclusion_" + g.name());
            if (v != null && !v.isBlank()) {
                exclusions.put(g, Boolean.valueOf(v));
            }
        }
        Review draft = new Review(null, ratings, bool(form.get("eligibilityConfirmed")), exclusions, bool(form.get("recommend")),
                form.get("commentsForCommittee"), form.get("commentsForApplicant"), false, null, null, evidence);
        try {
            reviews.saveDraft(user, id, draft);
        } catch (Refusal | ProblemException | OptimisticLockingFailureException e) {
            flash(redirect, errors(locale).of(e));
            return "redirect:/review/cases/" + id + "#errors";
        }
        if (!"submit".equals(form.get("action"))) {
            redirect.addFlashAttribute("message", "review.saved");
            return "redirect:/review/cases/" + id;
        }
        try {
            reviews.checkSubmittable(user, id);
        } catch (Refusal | ProblemException e) {
            // the draft is kept, and the page says so: nothing is submitted until every part is there
            redirect.addFlashAttribute("notSubmitted", true);
            flash(redirect, errors(locale).of(e));
            return "redirect:/review/cases/" + id + "#errors";
        }
        return "redirect:/review/cases/" + id + "/confirm";
    }

    /** The confirmation step: the expert's saved draft, whole, with one button that submits it for good. */
    @GetMapping("/cases/{id}/confirm")
    public String confirmReview(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, Model model, Locale locale) {
        CurrentUser user = UiUsers.of(principal);
        ReviewCase c = reviews.get(user, id).state();
        Review mine = c.reviewOf(user.username()).orElse(null);
        if (mine == null || mine.submitted()) {
            return "redirect:/review/cases/" + id;
        }
        common(model, user);
        model.addAttribute("c", c);
        model.addAttribute("mine", mine);
        model.addAttribute("dimensions", AssessmentDimension.values());
        model.addAttribute("grounds", ExclusionGround.values());
        model.addAttribute("kind", "review");
        return "review/confirm";
    }

    @PostMapping("/cases/{id}/review/submit")
    public String submitReview(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, RedirectAttributes redirect,
                               Locale locale) {
        try {
            reviews.submit(UiUsers.of(principal), id);
            redirect.addFlashAttribute("message", "review.submitted");
        } catch (Refusal | ProblemException | OptimisticLockingFailureException e) {
            flash(redirect, errors(locale).of(e));
        }
        return "redirect:/review/cases/" + id;
    }

    @PostMapping("/cases/{id}/expert-names")
    public String expertNames(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @RequestParam boolean shown,
                              RedirectAttributes redirect, Locale locale) {
        try {
            reviews.showExpertNames(UiUsers.of(principal), id, shown);
            redirect.addFlashAttribute("message", shown ? "expertNames.shown" : "expertNames.hidden");
        } catch (Refusal | ProblemException e) {
            flash(redirect, errors(locale).of(e));
            return "redirect:/review/cases/" + id + "#errors";
        }
        return "redirect:/review/cases/" + id + "#discussion";
    }

    @PostMapping("/cases/{id}/discussion")
    public String post(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @RequestParam(required = false) String text,
                       RedirectAttributes redirect, Locale locale) {
        try {
            discussion.post(UiUsers.of(principal), id, text);
            redirect.addFlashAttribute("message", "discussion.posted");
        } catch (Refusal | ProblemException e) {
            flash(redirect, errors(locale).of(e));
            return "redirect:/review/cases/" + id + "#errors";
        }
        return "redirect:/review/cases/" + id + "#discussion";
    }

    @PostMapping("/cases/{id}/conflict")
    public String conflict(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @RequestParam String reason,
                           RedirectAttributes redirect, Locale locale) {
        try {
            reviews.declareConflict(UiUsers.of(principal), id, reason);
            redirect.addFlashAttribute("message", "review.conflictDeclared");
            return "redirect:/review/assignments";
        } catch (Refusal | ProblemException e) {
            flash(redirect, errors(locale).of(e));
            return "redirect:/review/cases/" + id;
        }
    }

    @PostMapping("/cases/{id}/auto-assign")
    public String autoAssign(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, RedirectAttributes redirect,
                             Locale locale) {
        try {
            reviews.autoAssign(UiUsers.of(principal), id);
            redirect.addFlashAttribute("message", "case.assigned");
        } catch (Refusal | ProblemException | OptimisticLockingFailureException e) {
            flash(redirect, errors(locale).of(e));
        }
        return "redirect:/review/cases/" + id + "#assignments";
    }

    @PostMapping("/cases/{id}/assign")
    public String assign(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @RequestParam String reviewerId,
                         RedirectAttributes redirect, Locale locale) {
        try {
            reviews.assign(UiUsers.of(principal), id, reviewerId);
            redirect.addFlashAttribute("message", "case.assigned");
        } catch (Refusal | ProblemException | OptimisticLockingFailureException e) {
            flash(redirect, errors(locale).of(e));
        }
        return "redirect:/review/cases/" + id + "#assignments";
    }

    /** The office takes an expert off the case, and with {@code replacement} puts another in its place in the same write. */
    @PostMapping("/cases/{id}/assignments/{reviewerId}/remove")
    public String remove(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @PathVariable String reviewerId,
                         @RequestParam(required = false) String reason, @RequestParam(required = false) String replacement,
                         RedirectAttributes redirect, Locale locale) {
        CurrentUser user = UiUsers.of(principal);
        try {
            if (replacement == null || replacement.isBlank()) {
                reviews.removeAssignment(user, id, reviewerId, reason);
                redirect.addFlashAttribute("message", "assign.removed");
            } else {
                reviews.replace(user, id, reviewerId, replacement, reason);
                redirect.addFlashAttribute("message", "case.assigned");
            }
        } catch (Refusal | ProblemException | OptimisticLockingFailureException e) {
            List<UiErrors.UiError> list = errors(locale).of(e).stream()
                    .map(x -> "reason".equals(x.anchor()) ? new UiErrors.UiError("remove_reason_" + reviewerId, x.message()) : x).toList();
            flash(redirect, list);
        }
        return "redirect:/review/cases/" + id + "#assignments";
    }

    /**
     * The committee's decision, confirmed on a second page before it is recorded: APPROVED or REJECTED on an
     * application; on a re-review KEEP_LISTED or DELIST with the Art. 12 reason (and the Art. 5 ground for clause (三)).
     */
    @PostMapping("/cases/{id}/decision")
    public String decide(@AuthenticationPrincipal OidcUser principal, @PathVariable String id,
                         @RequestParam(required = false) String decision, @RequestParam(required = false) String reasons,
                         @RequestParam(required = false) String delistingReason, @RequestParam(required = false) String exclusionGround,
                         @RequestParam(required = false) String confirmed, Model model, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = UiUsers.of(principal);
        List<String> lines = reasons == null ? List.of()
                : Arrays.stream(reasons.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        try {
            ReviewCase c = reviews.get(user, id).state();
            boolean reReview = c.isReReview();
            boolean approve = reReview ? "KEEP_LISTED".equals(decision) : "APPROVED".equals(decision);
            if (decision == null || !(approve || (reReview ? "DELIST" : "REJECTED").equals(decision))) {
                throw new ReviewRefused(ReviewRefused.Reason.INVALID, "请选择审核决定",
                        List.of(new ReviewRefused.Problem("decision", reReview ? "required-re-review" : "required", reReview ? "请选择保留或移出清单" : "请选择通过或不通过")));
            }
            DelistingReason reason = approve ? null : enumOrNull(DelistingReason.class, delistingReason);
            ExclusionGround ground = approve ? null : enumOrNull(ExclusionGround.class, exclusionGround);
            if (!"true".equals(confirmed)) {
                if (reReview) {
                    reviews.checkReReviewDecision(user, id, approve, reason, ground, lines);
                } else {
                    reviews.checkDecision(user, id, approve, lines);
                }
                common(model, user);
                model.addAttribute("c", c);
                model.addAttribute("kind", "decision");
                model.addAttribute("approve", approve);
                model.addAttribute("decision", decision);
                model.addAttribute("delistingReason", reason);
                model.addAttribute("exclusionGround", ground);
                model.addAttribute("reasons", lines);
                model.addAttribute("reasonsText", String.join("\n", lines));
                return "review/confirm";
            }
            if (reReview) {
                reviews.decideReReview(user, id, approve, reason, ground, lines, null);
            } else {
                reviews.decide(user, id, approve, lines, null);
            }
            redirect.addFlashAttribute("message", "decision.recorded");
        } catch (Refusal | ProblemException | OptimisticLockingFailureException e) {
            flash(redirect, errors(locale).of(e));
            return "redirect:/review/cases/" + id + "#errors";
        }
        return "redirect:/review/cases/" + id;
    }

    /** A closed-list value of a form, or null when blank or unknown (the domain then names the field). */
    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/cases/{id}/reviews/{reviewerId}/reopen")
    public String reopen(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @PathVariable String reviewerId,
                         @RequestParam String reason, RedirectAttributes redirect, Locale locale) {
        try {
            reviews.reopen(UiUsers.of(principal), id, reviewerId, reason);
            redirect.addFlashAttribute("message", "review.reopened");
        } catch (Refusal | ProblemException | OptimisticLockingFailureException e) {
            flash(redirect, errors(locale).of(e));
        }
        return "redirect:/review/cases/" + id;
    }

    /** The pool entry as typed, kept on the page when it is refused. */
    public record PoolForm(String id, String name, String email, String orgUscc, String orgName, List<ApplicationScenario> scenarios,
                           String technologies, String loadLimit, boolean active, boolean editing) {

        static PoolForm empty() {
            return new PoolForm("", "", "", "", "", List.of(), "", "5", true, false);
        }

        static PoolForm of(Reviewer r) {
            return new PoolForm(r.id(), r.name(), r.email(), r.orgUscc(), r.orgName(), r.scenarios(), String.join("、", r.technologies()),
                    String.valueOf(r.loadLimit()), r.active(), true);
        }
    }

    @GetMapping("/pool")
    public String pool(@AuthenticationPrincipal OidcUser principal, @RequestParam(required = false) String edit, Model model) {
        CurrentUser user = UiUsers.of(principal);
        if (!ReviewService.isOffice(user)) {
            return "redirect:/review/";
        }
        common(model, user);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", edit == null ? PoolForm.empty()
                    : reviews.reviewer(edit).map(PoolForm::of).orElseThrow(() -> ProblemException.notFound("专家 " + edit + " 不在专家库中")));
        }
        model.addAttribute("pool", reviews.pool());
        model.addAttribute("scenarios", ApplicationScenario.values());
        return "review/pool";
    }

    @PostMapping("/pool")
    public String saveReviewer(@AuthenticationPrincipal OidcUser principal, @RequestParam(defaultValue = "") String id,
                               @RequestParam(defaultValue = "") String name, @RequestParam(required = false) String email,
                               @RequestParam(defaultValue = "") String orgUscc, @RequestParam(required = false) String orgName,
                               @RequestParam(required = false) List<ApplicationScenario> scenarios,
                               @RequestParam(required = false) String technologies, @RequestParam(defaultValue = "") String loadLimit,
                               @RequestParam(required = false) String active, @RequestParam(required = false) String editing,
                               Model model, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = UiUsers.of(principal);
        List<String> techs = technologies == null ? List.of()
                : Arrays.stream(technologies.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
        PoolForm typed = new PoolForm(id.trim(), name.trim(), email, orgUscc.trim().toUpperCase(Locale.ROOT), orgName,
                scenarios == null ? List.of() : scenarios, technologies, loadLimit, active != null, "true".equals(editing));
        List<UiErrors.UiError> problems = new ArrayList<>();
        int limit = 0;
        try {
            limit = Integer.parseInt(loadLimit.trim());
        } catch (NumberFormatException e) {
            problems.add(errors(locale).field("loadLimit", "integer", "同时评审上限应为整数"));
        }
        try {
            if (problems.isEmpty()) {
                reviews.saveReviewer(user, new Reviewer(typed.id(), typed.name(), blankToNull(email), typed.orgUscc(), blankToNull(orgName),
                        typed.scenarios(), techs, limit, typed.active()));
                redirect.addFlashAttribute("message", "pool.saved");
                return "redirect:/review/pool";
            }
        } catch (Refusal | ProblemException e) {
            problems.addAll(errors(locale).of(e));
        }
        // refused: the same page again with what was typed and each error at its field
        model.addAttribute("errors", problems);
        model.addAttribute("fieldErrors", UiErrors.byField(problems));
        model.addAttribute("form", typed);
        return pool(principal, null, model);
    }

    @PostMapping("/pool/{id}/active")
    public String activate(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @RequestParam boolean active,
                           RedirectAttributes redirect, Locale locale) {
        CurrentUser user = UiUsers.of(principal);
        Reviewer r = reviews.reviewer(id).orElseThrow(() -> ProblemException.notFound("专家 " + id + " 不在专家库中"));
        try {
            reviews.saveReviewer(user, new Reviewer(r.id(), r.name(), r.email(), r.orgUscc(), r.orgName(), r.scenarios(), r.technologies(),
                    r.loadLimit(), active));
            redirect.addFlashAttribute("message", "pool.saved");
        } catch (Refusal | ProblemException e) {
            flash(redirect, errors(locale).of(e));
        }
        return "redirect:/review/pool";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Boolean bool(String v) {
        return v == null || v.isBlank() ? null : Boolean.valueOf(v);
    }
}
