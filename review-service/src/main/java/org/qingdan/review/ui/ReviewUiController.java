package org.qingdan.review.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.form.Rating;
import org.qingdan.review.reviewcase.CaseQuery;
import org.qingdan.review.reviewcase.ReviewService;
import org.qingdan.review.reviewcase.domain.Assignment;
import org.qingdan.review.reviewcase.domain.CaseStatus;
import org.qingdan.review.reviewcase.domain.Review;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.review.reviewcase.domain.ReviewRefused;
import org.qingdan.review.reviewcase.persistence.ReviewCaseStore;
import org.qingdan.review.reviewer.domain.Reviewer;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.ProblemException;
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

    private final ReviewService reviews;

    public ReviewUiController(ReviewService reviews) {
        this.reviews = reviews;
    }

    private static void common(Model model, CurrentUser user) {
        model.addAttribute("user", user);
        model.addAttribute("office", ReviewService.isOffice(user));
        model.addAttribute("seesAll", ReviewService.seesAll(user));
        model.addAttribute("reviewer", user.hasRole("reviewer"));
    }

    @GetMapping({"", "/"})
    public String home(@AuthenticationPrincipal OidcUser principal) {
        CurrentUser user = UiUser.of(principal);
        return ReviewService.seesAll(user) ? "redirect:/review/cases" : "redirect:/review/assignments";
    }

    @GetMapping("/assignments")
    public String assignments(@AuthenticationPrincipal OidcUser principal, @RequestParam(required = false) String page,
                              @RequestParam(required = false) String size, Model model) {
        CurrentUser user = UiUser.of(principal);
        common(model, user);
        CaseQuery query = CaseQuery.parse(null, page, size);
        ReviewCaseStore.Page<ReviewCase> mine = user.hasRole("reviewer") ? reviews.visibleCases(user, query)
                : new ReviewCaseStore.Page<>(List.of(), query.page(), query.size(), 0);
        pager(model, "/review/assignments", null, mine);
        return "review/assignments";
    }

    @GetMapping("/cases")
    public String cases(@AuthenticationPrincipal OidcUser principal, @RequestParam(required = false) String status,
                        @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
        CurrentUser user = UiUser.of(principal);
        if (!ReviewService.seesAll(user)) {
            return "redirect:/review/assignments";
        }
        common(model, user);
        CaseQuery query = CaseQuery.parse(status, page, size);
        pager(model, "/review/cases", query.status(), reviews.visibleCases(user, query));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("status", query.status());
        return "review/cases";
    }

    /** The page's cases and the links to the pages before and after it, keeping the filter and the size. */
    private static void pager(Model model, String path, CaseStatus status, ReviewCaseStore.Page<ReviewCase> page) {
        long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
        model.addAttribute("cases", page.items());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("previousUrl", page.page() > 0 ? pageUrl(path, status, Math.min(page.page() - 1, pages - 1), page.size()) : null);
        model.addAttribute("nextUrl", page.page() + 1 < pages ? pageUrl(path, status, page.page() + 1, page.size()) : null);
    }

    private static String pageUrl(String path, CaseStatus status, long page, int size) {
        var url = UriComponentsBuilder.fromPath(path);
        if (status != null) {
            url.queryParam("status", status.name());
        }
        url.queryParam("page", page);
        if (size != CaseQuery.DEFAULT_SIZE) {
            url.queryParam("size", size);
        }
        return url.build().toUriString();
    }

    @GetMapping("/cases/{id}")
    public String caseView(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, Model model) {
        CurrentUser user = UiUser.of(principal);
        ReviewCase c = reviews.get(user, id).reviewCase();
        common(model, user);
        model.addAttribute("c", c);
        model.addAttribute("dimensions", AssessmentDimension.values());
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("grounds", ExclusionGround.values());
        model.addAttribute("mine", c.reviewOf(user.username()).orElse(null));
        model.addAttribute("assigned", c.assignmentOf(user.username()).filter(Assignment::active).isPresent());
        model.addAttribute("visibleReviews", ReviewService.seesAll(user)
                ? c.reviews().stream().filter(Review::submitted).toList() : c.reviewsVisibleTo(user.username()));
        boolean scores = ReviewService.seesAll(user) && (c.status() == CaseStatus.READY_FOR_DECISION || c.status() == CaseStatus.DECIDED);
        model.addAttribute("scores", scores ? c.scores() : null);
        model.addAttribute("findings", ReviewService.seesAll(user) ? c.findings() : List.of());
        model.addAttribute("reopenings", ReviewService.seesAll(user) ? c.reopenings() : List.of());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "review/case";
    }

    @PostMapping("/cases/{id}/review")
    public String review(@AuthenticationPrincipal OidcUser principal, @PathVariable String id,
                         @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        CurrentUser user = UiUser.of(principal);
        Map<AssessmentDimension, Rating> ratings = new EnumMap<>(AssessmentDimension.class);
        for (AssessmentDimension d : AssessmentDimension.values()) {
            String v = form.get("rating_" + d.name());
            if (v != null && !v.isBlank()) {
                ratings.put(d, Rating.valueOf(v));
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
                form.get("commentsForCommittee"), form.get("commentsForApplicant"), false, null, null);
        try {
            reviews.saveDraft(user, id, draft);
            if ("submit".equals(form.get("action"))) {
                reviews.submit(user, id);
                redirect.addFlashAttribute("message", "review.submitted");
            } else {
                redirect.addFlashAttribute("message", "review.saved");
            }
        } catch (ReviewRefused e) {
            redirect.addFlashAttribute("errors", e.problems().isEmpty()
                    ? List.of(e.getMessage()) : e.problems().stream().map(ReviewRefused.Problem::message).toList());
        }
        return "redirect:/review/cases/" + id;
    }

    @PostMapping("/cases/{id}/conflict")
    public String conflict(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @RequestParam String reason,
                           RedirectAttributes redirect) {
        try {
            reviews.declareConflict(UiUser.of(principal), id, reason);
            redirect.addFlashAttribute("message", "review.conflictDeclared");
            return "redirect:/review/assignments";
        } catch (ReviewRefused e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
            return "redirect:/review/cases/" + id;
        }
    }

    @PostMapping("/cases/{id}/auto-assign")
    public String autoAssign(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, RedirectAttributes redirect) {
        try {
            reviews.autoAssign(UiUser.of(principal), id);
            redirect.addFlashAttribute("message", "case.assigned");
        } catch (ReviewRefused | ProblemException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        }
        return "redirect:/review/cases/" + id;
    }

    @PostMapping("/cases/{id}/decision")
    public String decide(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @RequestParam String decision,
                         @RequestParam String reasons, RedirectAttributes redirect) {
        try {
            List<String> lines = Arrays.stream(reasons.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            reviews.decide(UiUser.of(principal), id, "APPROVED".equals(decision), lines, null);
            redirect.addFlashAttribute("message", "decision.recorded");
        } catch (ReviewRefused e) {
            List<String> errors = new ArrayList<>(List.of(e.getMessage()));
            e.problems().forEach(p -> errors.add(p.message()));
            redirect.addFlashAttribute("errors", errors);
        } catch (ProblemException | org.springframework.dao.OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        }
        return "redirect:/review/cases/" + id;
    }

    @PostMapping("/cases/{id}/reviews/{reviewerId}/reopen")
    public String reopen(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @PathVariable String reviewerId,
                         @RequestParam String reason, RedirectAttributes redirect) {
        try {
            reviews.reopen(UiUser.of(principal), id, reviewerId, reason);
            redirect.addFlashAttribute("message", "review.reopened");
        } catch (ReviewRefused e) {
            redirect.addFlashAttribute("errors", e.problems().isEmpty()
                    ? List.of(e.getMessage()) : e.problems().stream().map(ReviewRefused.Problem::message).toList());
        } catch (ProblemException | org.springframework.dao.OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("errors", List.of(e.getMessage()));
        }
        return "redirect:/review/cases/" + id;
    }

    @GetMapping("/pool")
    public String pool(@AuthenticationPrincipal OidcUser principal, Model model) {
        CurrentUser user = UiUser.of(principal);
        if (!ReviewService.isOffice(user)) {
            return "redirect:/review/";
        }
        common(model, user);
        model.addAttribute("pool", reviews.pool());
        model.addAttribute("scenarios", ApplicationScenario.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "review/pool";
    }

    @PostMapping("/pool")
    public String addReviewer(@AuthenticationPrincipal OidcUser principal, @RequestParam String id, @RequestParam String name,
                              @RequestParam(required = false) String email, @RequestParam String orgUscc,
                              @RequestParam(required = false) String orgName,
                              @RequestParam(required = false) List<ApplicationScenario> scenarios,
                              @RequestParam(required = false) String technologies,
                              @RequestParam(defaultValue = "5") int loadLimit, RedirectAttributes redirect) {
        List<String> techs = technologies == null ? List.of()
                : Arrays.stream(technologies.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
        try {
            reviews.saveReviewer(UiUser.of(principal), new Reviewer(id.trim(), name.trim(), email, orgUscc.trim(), orgName,
                    scenarios == null ? List.of() : scenarios, techs, loadLimit, true));
            redirect.addFlashAttribute("message", "pool.saved");
        } catch (ProblemException e) {
            List<String> errors = new ArrayList<>();
            e.violations().forEach(v -> errors.add(v.field() + "：" + v.message()));
            redirect.addFlashAttribute("errors", errors.isEmpty() ? List.of(e.getMessage()) : errors);
        }
        return "redirect:/review/pool";
    }

    private static Boolean bool(String v) {
        return v == null || v.isBlank() ? null : Boolean.valueOf(v);
    }
}
