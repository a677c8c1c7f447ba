package org.qingdan.review.reviewcase.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.review.reviewcase.domain.ReviewRefused.Reason;
import org.qingdan.review.reviewer.domain.Reviewer;

/**
 * Which experts of the pool may review a case, and which fit it best (评审专家匹配): no expert whose organisation
 * takes part in the application (conflict of interest), none over its load limit or already on the case; expertise
 * in the product's scenarios and technologies first. A domain service: it reads a case and the experts and changes
 * neither; the case records the assignments ({@link ReviewCase#assign}, {@link ReviewCase#autoAssign}).
 */
public final class ReviewerMatching {

    /** Which of the application's organisations an expert belongs to, and in which role there. */
    public record ConflictingRole(Role role, String orgName, String orgUscc) {
        public enum Role { APPLICANT, ENTERPRISE, PARTICIPANT, REPORT_ISSUER }
    }

    /** An expert of the pool seen for this case: why the office may or may not assign it. */
    public record Candidate(Reviewer reviewer, int openLoad, int expertise, List<ConflictingRole> conflicts, boolean onCase) {
        public boolean assignable() {
            return reviewer.active() && conflicts.isEmpty() && !onCase && openLoad < reviewer.loadLimit();
        }
    }

    private final ReviewCase reviewCase;

    private ReviewerMatching(ReviewCase reviewCase) {
        this.reviewCase = reviewCase;
    }

    public static ReviewerMatching of(ReviewCase reviewCase) {
        return new ReviewerMatching(reviewCase);
    }

    /** The organisations of the application: the lead, the enterprise, every participant, the report's issuer. */
    public Set<String> organisations() {
        Set<String> orgs = new HashSet<>();
        if (reviewCase.isReReview()) {
            conflictsByProduct(null).forEach(c -> orgs.add(c.orgUscc()));
            return orgs;
        }
        var form = reviewCase.form();
        orgs.add(form.applicant().uscc());
        orgs.add(form.enterprise().uscc());
        form.participants().forEach(p -> orgs.add(p.uscc()));
        if (form.operationalEvaluation() != null && form.operationalEvaluation().issuerUscc() != null) {
            orgs.add(form.operationalEvaluation().issuerUscc());
        }
        return orgs;
    }

    /** The expert's organisation (by USCC, never by name) takes part in the application. */
    public boolean conflicted(Reviewer reviewer) {
        return organisations().contains(reviewer.orgUscc());
    }

    public Candidate candidate(Reviewer r, int openLoad) {
        return new Candidate(r, openLoad, expertise(r), conflictsOf(r), reviewCase.assignmentOf(r.id()).isPresent());
    }

    /**
     * Refuses an expert who may not review this case: inactive, conflicted, on the case already (or recused from it),
     * or at its load limit — in that order, the first that applies.
     */
    public void requireEligible(Reviewer reviewer, int openLoad) {
        if (!reviewer.active()) {
            throw new ReviewRefused(Reason.INVALID, "专家 " + reviewer.name() + " 已停用");
        }
        if (conflicted(reviewer)) {
            throw new ReviewRefused(Reason.CONFLICT_OF_INTEREST, "专家 " + reviewer.name() + " 所在机构（" + reviewer.orgUscc()
                    + "）是申报单位、金融科技企业或参与机构，须回避");
        }
        if (reviewCase.assignmentOf(reviewer.id()).isPresent()) {
            throw new ReviewRefused(Reason.INVALID, "专家 " + reviewer.name() + " 已分配过本申报（或已声明回避）");
        }
        if (openLoad >= reviewer.loadLimit()) {
            throw new ReviewRefused(Reason.INVALID, "专家 " + reviewer.name() + " 已达同时评审上限 " + reviewer.loadLimit());
        }
    }

    /**
     * The experts to assign to fill the call's number of reviewers, in order: active experts without a conflict, not
     * already on the case and under their load limit; those whose expertise matches the product's scenarios and
     * technologies first, then the least loaded, then by id for a stable choice. Refused when too few remain.
     */
    public List<Reviewer> choose(List<Reviewer> pool, Map<String, Integer> openLoads) {
        int needed = reviewCase.missingReviewers();
        List<Reviewer> candidates = pool.stream()
                .filter(Reviewer::active)
                .filter(r -> !conflicted(r))
                .filter(r -> reviewCase.assignmentOf(r.id()).isEmpty())
                .filter(r -> openLoads.getOrDefault(r.id(), 0) < r.loadLimit())
                .sorted(Comparator.comparingInt((Reviewer r) -> -expertise(r))
                        .thenComparingInt(r -> openLoads.getOrDefault(r.id(), 0))
                        .thenComparing(Reviewer::id))
                .toList();
        if (needed > 0 && candidates.size() < needed) {
            throw new ReviewRefused(Reason.NO_CANDIDATES, "可分配的专家不足：还需 " + needed + " 位，符合回避与负荷要求的只有 "
                    + candidates.size() + " 位");
        }
        return candidates.subList(0, needed);
    }

    /** Every role in which the expert's organisation (by USCC) takes part in the application. */
    public List<ConflictingRole> conflictsOf(Reviewer r) {
        List<ConflictingRole> roles = new ArrayList<>();
        String org = r.orgUscc();
        if (org == null) {
            return roles;
        }
        if (reviewCase.isReReview()) {
            return conflictsByProduct(org);
        }
        var form = reviewCase.form();
        if (org.equals(form.applicant().uscc())) {
            roles.add(new ConflictingRole(ConflictingRole.Role.APPLICANT, form.applicant().name(), org));
        }
        if (org.equals(form.enterprise().uscc())) {
            roles.add(new ConflictingRole(ConflictingRole.Role.ENTERPRISE, form.enterprise().name(), org));
        }
        form.participants().stream().filter(p -> org.equals(p.uscc()))
                .forEach(p -> roles.add(new ConflictingRole(ConflictingRole.Role.PARTICIPANT, p.name(), org)));
        var e = form.operationalEvaluation();
        if (e != null && org.equals(e.issuerUscc())) {
            roles.add(new ConflictingRole(ConflictingRole.Role.REPORT_ISSUER, e.issuerName(), org));
        }
        return roles;
    }

    /**
     * The organisations of a listed product under re-review, as its public data names them: the enterprise, the lead
     * applicant and every participant; those of {@code org} only, or all when null.
     */
    private List<ConflictingRole> conflictsByProduct(String org) {
        List<ConflictingRole> roles = new ArrayList<>();
        var p = reviewCase.reReview().product();
        if (p.leadApplicant() != null && (org == null || org.equals(p.leadApplicant().uscc()))) {
            roles.add(new ConflictingRole(ConflictingRole.Role.APPLICANT, p.leadApplicant().name(), p.leadApplicant().uscc()));
        }
        if (org == null || org.equals(p.enterprise().uscc())) {
            roles.add(new ConflictingRole(ConflictingRole.Role.ENTERPRISE, p.enterprise().name(), p.enterprise().uscc()));
        }
        (p.participants() == null ? List.<ReReviewSubject.Product.Organisation>of() : p.participants()).stream()
                .filter(x -> org == null || org.equals(x.uscc()))
                .forEach(x -> roles.add(new ConflictingRole(ConflictingRole.Role.PARTICIPANT, x.name(), x.uscc())));
        return roles;
    }

    /** How well an expert's fields match the product: each shared scenario counts two, each shared technology one. */
    public int expertise(Reviewer r) {
        int score = 0;
        boolean reReview = reviewCase.isReReview();
        var scenarios = reReview ? reviewCase.reReview().product().scenarios() : reviewCase.form().product().scenarios();
        var technologies = reReview ? reviewCase.reReview().product().keyTechnologies() : reviewCase.form().product().keyTechnologies();
        for (var s : scenarios == null ? List.<ApplicationScenario>of() : scenarios) {
            if (r.scenarios().contains(s)) {
                score += 2;
            }
        }
        for (String t : technologies == null ? List.<String>of() : technologies) {
            if (r.technologies().stream().anyMatch(x -> x.equalsIgnoreCase(t))) {
                score += 1;
            }
        }
        return score;
    }
}
