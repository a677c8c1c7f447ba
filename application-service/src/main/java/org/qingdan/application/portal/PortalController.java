package org.qingdan.application.portal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import io.swagger.v3.oas.annotations.Hidden;
import org.qingdan.application.attachment.AttachmentService;
import org.qingdan.application.attachment.domain.AttachmentInfo;
import org.qingdan.application.call.CallService;
import org.qingdan.application.intake.ApplicationService;
import org.qingdan.application.intake.domain.Application;
import org.qingdan.application.intake.domain.ApplicationForm;
import org.qingdan.application.intake.domain.ApplicationRefused;
import org.qingdan.application.intake.domain.ApplicationStatus;
import org.qingdan.application.intake.domain.FormRules;
import org.qingdan.application.intake.domain.RuleViolation;
import org.qingdan.application.intake.web.ApplicationController.ParticipantStatus;
import org.qingdan.application.intake.web.ParticipationController.ParticipationView;
import org.qingdan.application.publication.PublicationService;
import org.qingdan.application.publication.domain.Publication;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.EligibilityBasis;
import org.qingdan.contracts.form.EnterpriseType;
import org.qingdan.contracts.form.HonourKind;
import org.qingdan.contracts.form.LeadKind;
import org.qingdan.contracts.form.MaterialKind;
import org.qingdan.contracts.form.OpinionDecision;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.form.Rating;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.files.FileRejected;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.ui.UiUsers;
import org.qingdan.support.web.Idempotency;
import org.qingdan.support.web.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the applicant portal. Every change goes through the same use cases as the API ({@link ApplicationService},
 * {@link AttachmentService}): a step saves the draft as {@code PUT /api/applications/{id}/form} does, with the version
 * the page was drawn from (a change meanwhile is refused, not overwritten). Everything a user typed reaches the page
 * escaped (th:text, th:value).
 */
@Controller
@Hidden
@RequestMapping("/portal")
public class PortalController {

    private static final java.time.ZoneId CHINA = Application.CHINA;

    private final ApplicationService applications;
    private final AttachmentService attachments;
    private final CallService calls;
    private final PortalInbox inbox;
    private final PortalProductUse productUse;
    private final PublicationService publications;
    private final MessageSource messages;
    private final Clock clock;

    public PortalController(ApplicationService applications, AttachmentService attachments, CallService calls, PortalInbox inbox,
                            PortalProductUse productUse,
                            PublicationService publications, MessageSource messages, Clock clock) {
        this.applications = applications;
        this.publications = publications;
        this.attachments = attachments;
        this.calls = calls;
        this.inbox = inbox;
        this.productUse = productUse;
        this.messages = messages;
        this.clock = clock;
    }

    private static CurrentUser common(Model model, OidcUser principal) {
        CurrentUser user = UiUsers.of(principal);
        if (!ApplicationService.isApplicant(user)) {
            throw ProblemException.forbidden("申报门户供申报单位（applicant、vendor）使用");
        }
        model.addAttribute("user", user);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return user;
    }

    private PortalErrors errors(Locale locale) {
        return new PortalErrors(messages, locale);
    }

    private static void flash(RedirectAttributes redirect, List<PortalErrors.UiError> errors) {
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("fieldErrors", PortalErrors.byAnchor(errors));
    }

    // --- the start page: calls, own applications, parts in others' applications ---

    @GetMapping({"", "/"})
    public String home(@AuthenticationPrincipal OidcUser principal, Model model) {
        CurrentUser user = common(model, principal);
        model.addAttribute("calls", calls.openNow());
        List<Application> mine = applications.list(user, null, null, 0, 50);
        model.addAttribute("applications", mine);
        // where the approved ones stand in public: one read of at most a page, by id
        model.addAttribute("stages", publications.of(mine.stream().filter(a -> a.status() == ApplicationStatus.APPROVED).map(Application::id).toList())
                .entrySet().stream().filter(e -> e.getValue().stage() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stage().name())));
        model.addAttribute("participations", applications.participations(user, 0, 20).stream()
                .map(v -> ParticipationView.of(v.state(), user.orgUscc(), v.version())).toList());
        return "portal/home";
    }

    @PostMapping("/calls/{callId}/start")
    public String start(@AuthenticationPrincipal OidcUser principal, @PathVariable String callId, Model model,
                        RedirectAttributes redirect, Locale locale) {
        CurrentUser user = common(model, principal);
        try {
            Versioned<Application> created = applications.create(user, callId, null, null, Idempotency.hash("portal|" + callId));
            redirect.addFlashAttribute("message", "application.started");
            return "redirect:/portal/applications/" + created.state().id() + "/steps/1";
        } catch (Refusal | ProblemException e) {
            flash(redirect, errors(locale).of(e, "calls"));
            return "redirect:/portal/";
        }
    }

    // --- one application: where it stands ---

    @GetMapping("/applications/{id}")
    public String application(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, Model model, Locale locale) {
        CurrentUser user = common(model, principal);
        Versioned<Application> v = applications.get(user, id);
        Application app = v.state();
        page(model, v, user);
        Publication publication = app.status() == ApplicationStatus.APPROVED ? publications.of(id).orElse(null) : null;
        model.addAttribute("timeline", Timeline.of(app, publication));
        model.addAttribute("stage", publication == null || publication.stage() == null ? null : publication.stage().name());
        model.addAttribute("participantStatus", ParticipantStatus.of(app));
        PortalErrors words = errors(locale);
        model.addAttribute("corrections", app.corrections().stream().map(c -> new Correction(
                c.field() == null ? null : words.where(c.field()), c.field() == null ? null : words.href(id, c.field()), c.comment())).toList());
        if (editable(app)) {
            // how far each step is, by the rules submission applies
            Map<Step, Long> open = check(app, user).stream().map(r -> Step.ofField(r.field()).orElse(null)).filter(java.util.Objects::nonNull)
                    .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            model.addAttribute("openByStep", open);
        }
        return "portal/application";
    }

    /** One of the office's comments of a return (退回补正), with the field it is about as the form names it and a link there. */
    public record Correction(String where, String href, String comment) {
    }

    private void page(Model model, Versioned<Application> v, CurrentUser user) {
        Application app = v.state();
        model.addAttribute("app", app);
        model.addAttribute("version", v.version());
        model.addAttribute("steps", Step.values());
        model.addAttribute("editable", editable(app));
        model.addAttribute("files", attachments.list(user, app.id()));
        model.addAttribute("withdrawable", app.status().beforeDecision());
        model.addAttribute("sizes", new Sizes());
    }

    private static boolean editable(Application app) {
        return app.status() == ApplicationStatus.DRAFT || app.status() == ApplicationStatus.RETURNED;
    }

    /** The rules submission applies ({@link FormRules}), on the draft as saved. */
    private List<RuleViolation> check(Application app, CurrentUser user) {
        Set<String> files = attachments.list(user, app.id()).stream().map(AttachmentInfo::id).collect(Collectors.toSet());
        return FormRules.check(app.draft(), files, LocalDate.now(clock.withZone(CHINA)), app.ownerUscc()).violations();
    }

    // --- the guided form, one section of Annex 1 per step ---

    @GetMapping("/applications/{id}/steps/{n}")
    public String step(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @PathVariable int n,
                       @RequestParam(required = false) String check, Model model, Locale locale) {
        CurrentUser user = common(model, principal);
        Step step = Step.of(n).orElseThrow(() -> ProblemException.notFound("第 " + n + " 步不存在"));
        Versioned<Application> v = applications.get(user, id);
        if (!editable(v.state())) {
            return "redirect:/portal/applications/" + id;
        }
        page(model, v, user);
        if (check != null && !model.containsAttribute("checked")) {
            // after a refused submission: the same rules, each violation of this step at its input
            List<PortalErrors.UiError> found = errors(locale).ofViolations(id, check(v.state(), user).stream()
                    .filter(r -> Step.ofField(r.field()).orElse(null) == step).toList(), step);
            model.addAttribute("errors", found);
            model.addAttribute("fieldErrors", PortalErrors.byAnchor(found));
            model.addAttribute("checked", true);
        }
        @SuppressWarnings("unchecked")
        Map<String, String> byAnchor = (Map<String, String>) model.getAttribute("fieldErrors");
        model.addAttribute("step", step);
        model.addAttribute("check", check != null);
        model.addAttribute("ui", new FormView(v.state().draft(), byAnchor, messages, locale));
        model.addAttribute("f", v.state().draft());
        choices(model);
        return "portal/step";
    }

    /** The measures' closed lists, for the choices of the steps. */
    private static void choices(Model model) {
        model.addAttribute("leadKinds", LeadKind.values());
        model.addAttribute("enterpriseTypes", EnterpriseType.values());
        model.addAttribute("productTypes", ProductType.values());
        model.addAttribute("scenarios", ApplicationScenario.values());
        model.addAttribute("honourKinds", HonourKind.values());
        model.addAttribute("ratings", Rating.values());
        model.addAttribute("dimensions", AssessmentDimension.values());
        model.addAttribute("materialKinds", MaterialKind.values());
        model.addAttribute("bases", EligibilityBasis.values());
        model.addAttribute("decisions", OpinionDecision.values());
        model.addAttribute("participantRows", PortalForm.PARTICIPANT_ROWS);
        model.addAttribute("selfQuestions", SELF_QUESTIONS);
        model.addAttribute("evaluationTexts", List.of("technicalSecurityAndInnovation", "businessCompliance", "riskControl",
                "painPointsSolved", "effectAchieved", "vendorServiceQuality"));
    }

    /** One dimension of the self-assessment (Annex 1 §6): where it sits in the form and its yes/no questions, in Annex 1's order. */
    public record SelfDimension(AssessmentDimension dimension, String path, List<String> questions) {
    }

    static final List<SelfDimension> SELF_QUESTIONS = List.of(
            new SelfDimension(AssessmentDimension.LEGAL_COMPLIANCE, "legalCompliance",
                    List.of("scenarioProvidedByMember", "regulatoryExemptionOrAttention", "violatesLawsBeyondExemption")),
            new SelfDimension(AssessmentDimension.FINANCIAL_INNOVATION, "financialInnovation",
                    List.of("empowersDigitalTransformation", "orientedToRealEconomy", "listedInXinchuangCatalogue", "thirdPartyAdaptationReport")),
            new SelfDimension(AssessmentDimension.RISK_CONTROL, "riskControl",
                    List.of("risksIdentified", "majorLatentRisk", "preventionAndCompensation")),
            new SelfDimension(AssessmentDimension.AFTER_SALES_SERVICE, "afterSalesService",
                    List.of("effectiveComplaintMechanism", "afterSalesAgreementSigned")));

    @PostMapping("/applications/{id}/steps/{n}")
    public String saveStep(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @PathVariable int n,
                           @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = common(model, principal);
        Step step = Step.of(n).orElseThrow(() -> ProblemException.notFound("第 " + n + " 步不存在"));
        String action = params.getFirst("action");
        boolean check = params.containsKey("check");
        String here = "redirect:/portal/applications/" + id + "/steps/" + n + (check ? "?check" : "");
        Versioned<Application> current = applications.get(user, id);
        PortalForm.Bound bound = PortalForm.bind(step, current.state().draft(), params);
        try {
            Long expected = version(params.getFirst("version"));
            applications.saveDraft(user, id, bound.form(), expected);
        } catch (Refusal | ProblemException | OptimisticLockingFailureException e) {
            flash(redirect, errors(locale).of(e, "step-form"));
            return here;
        }
        if (!bound.unreadable().isEmpty()) {
            List<PortalErrors.UiError> list = bound.unreadable().stream().map(u -> new PortalErrors.UiError("#" + FormView.id(u.field()),
                    errors(locale).label(u.field()) + "：" + u.message(), FormView.id(u.field()), u.message())).toList();
            flash(redirect, list);
            redirect.addFlashAttribute("checked", true);
            return here;
        }
        redirect.addFlashAttribute("message", "step.saved");
        if ("previous".equals(action) && n > 1) {
            return "redirect:/portal/applications/" + id + "/steps/" + (n - 1) + (check ? "?check" : "");
        }
        if ("next".equals(action)) {
            return n < Step.LAST ? "redirect:/portal/applications/" + id + "/steps/" + (n + 1) + (check ? "?check" : "")
                    : "redirect:/portal/applications/" + id + "/submit";
        }
        return here;
    }

    private static Long version(String v) {
        try {
            return v == null || v.isBlank() ? null : Long.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // --- attachments ---

    /**
     * An upload from a step's page, with or without script (portal.js sends the same form with a progress bar). The
     * file is checked by content as through the API; a refusal is shown at the file input of the page it came from.
     */
    @PostMapping("/applications/{id}/attachments")
    public String upload(@AuthenticationPrincipal OidcUser principal, @PathVariable String id,
                         @RequestParam(value = "file", required = false) MultipartFile file, @RequestParam(required = false) String back,
                         Model model, RedirectAttributes redirect, Locale locale) throws IOException {
        CurrentUser user = common(model, principal);
        String page = back != null && back.matches("\\d{1,2}") && Step.of(Integer.parseInt(back)).isPresent()
                ? "/portal/applications/" + id + "/steps/" + back : "/portal/applications/" + id;
        try {
            if (file == null || file.isEmpty()) {
                throw new FileRejected(422, "attachment-empty", "请选择要上传的文件");
            }
            AttachmentInfo info = attachments.upload(user, id, file.getOriginalFilename(), file.getInputStream());
            redirect.addFlashAttribute("message", "attachment.uploaded");
            redirect.addFlashAttribute("uploaded", info.fileName());
        } catch (FileRejected | Refusal | ProblemException e) {
            flash(redirect, errors(locale).of(e, "file"));
        }
        return "redirect:" + page + "#attachments";
    }

    @GetMapping("/applications/{id}/attachments/{attachmentId}")
    public ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal OidcUser principal, @PathVariable String id,
                                                        @PathVariable String attachmentId) {
        return org.qingdan.application.attachment.web.AttachmentController.asFile(attachments.download(UiUsers.of(principal), id, attachmentId));
    }

    // --- submission, with a confirmation step; withdrawal ---

    @GetMapping("/applications/{id}/submit")
    public String confirmSubmit(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, Model model) {
        CurrentUser user = common(model, principal);
        Versioned<Application> v = applications.get(user, id);
        if (!editable(v.state())) {
            return "redirect:/portal/applications/" + id;
        }
        page(model, v, user);
        model.addAttribute("participantStatus", ParticipantStatus.of(v.state()));
        return "portal/submit";
    }

    @PostMapping("/applications/{id}/submit")
    public String submit(@AuthenticationPrincipal OidcUser principal, @PathVariable String id,
                         @RequestParam(required = false) String version, Model model, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = common(model, principal);
        try {
            applications.submit(user, id, version(version));
            redirect.addFlashAttribute("message", "application.submitted");
            return "redirect:/portal/applications/" + id;
        } catch (ApplicationRefused e) {
            // every violation the server reports, each leading to its input on its step's page
            List<PortalErrors.UiError> list = e.reason() == ApplicationRefused.Reason.INVALID || e.reason() == ApplicationRefused.Reason.INADMISSIBLE
                    || e.reason() == ApplicationRefused.Reason.PARTICIPANTS_UNCONFIRMED
                    ? errors(locale).ofViolations(id, e.ruleViolations(), null) : errors(locale).of(e, "confirm-submit");
            model.addAttribute("errors", list);
            model.addAttribute("refusal", e.reason().name());
            return confirmSubmit(principal, id, model);
        } catch (Refusal | ProblemException | OptimisticLockingFailureException e) {
            model.addAttribute("errors", errors(locale).of(e, "confirm-submit"));
            return confirmSubmit(principal, id, model);
        }
    }

    @PostMapping("/applications/{id}/withdraw")
    public String withdraw(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @RequestParam(required = false) String reason,
                           @RequestParam(required = false) String version, Model model, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = common(model, principal);
        try {
            applications.withdraw(user, id, reason, version(version));
            redirect.addFlashAttribute("message", "application.withdrawn");
        } catch (Refusal | ProblemException | OptimisticLockingFailureException e) {
            flash(redirect, errors(locale).of(e, "reason"));
            return "redirect:/portal/applications/" + id + "#withdraw";
        }
        return "redirect:/portal/applications/" + id;
    }

    // --- a participant's part in another organisation's application (Art. 8) ---

    @GetMapping("/participations/{id}")
    public String participation(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, Model model) {
        CurrentUser user = common(model, principal);
        Versioned<Application> v = applications.participation(user, id);
        model.addAttribute("p", ParticipationView.of(v.state(), user.orgUscc(), v.version()));
        model.addAttribute("open", editable(v.state()));
        return "portal/participation";
    }

    @PostMapping("/participations/{id}/confirm")
    public String confirm(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @RequestParam(required = false) String role,
                          Model model, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = common(model, principal);
        try {
            applications.confirmParticipation(user, id, role, null);
            redirect.addFlashAttribute("message", "participation.confirmed");
        } catch (Refusal | ProblemException | OptimisticLockingFailureException e) {
            flash(redirect, errors(locale).of(e, "confirm"));
        }
        return "redirect:/portal/participations/" + id;
    }

    @PostMapping("/participations/{id}/decline")
    public String decline(@AuthenticationPrincipal OidcUser principal, @PathVariable String id, @RequestParam(required = false) String reason,
                          Model model, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = common(model, principal);
        try {
            applications.declineParticipation(user, id, reason, null);
            redirect.addFlashAttribute("message", "participation.declined");
        } catch (Refusal | ProblemException | OptimisticLockingFailureException e) {
            flash(redirect, errors(locale).of(e, "reason"));
        }
        return "redirect:/portal/participations/" + id;
    }

    // --- the organisation's inbox (notification-service's) ---

    @GetMapping("/inbox")
    public String inbox(@AuthenticationPrincipal OidcUser principal,
                        @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client, Model model) {
        common(model, principal);
        model.addAttribute("items", inbox.newest(client.getAccessToken().getTokenValue(), 50).orElse(null));
        return "portal/inbox";
    }

    @PostMapping("/inbox/{notificationId}/read")
    public String read(@AuthenticationPrincipal OidcUser principal, @PathVariable String notificationId,
                       @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client, Model model, RedirectAttributes redirect) {
        common(model, principal);
        redirect.addFlashAttribute("message", inbox.markRead(client.getAccessToken().getTokenValue(), notificationId)
                ? "inbox.markedRead" : "inbox.unavailable");
        return "redirect:/portal/inbox";
    }

    // --- 我行在用: the listed products the organisation runs in production (notification-service's marks) ---

    /** Listed products per page of the 我行在用 page. */
    static final int PRODUCTS_PER_PAGE = 20;

    @GetMapping("/product-use")
    public String productUse(@AuthenticationPrincipal OidcUser principal, @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client,
                             @RequestParam(defaultValue = "0") int page, Model model) {
        common(model, principal);
        String token = client.getAccessToken().getTokenValue();
        int current = Math.max(0, Math.min(page, 10_000));
        // one more than a page: whether there is a next one
        List<PortalProductUse.Choice> listed = productUse.listed(token, current, PRODUCTS_PER_PAGE + 1).orElse(null);
        model.addAttribute("page", current);
        model.addAttribute("hasNext", listed != null && listed.size() > PRODUCTS_PER_PAGE);
        model.addAttribute("products", listed == null ? null : listed.subList(0, Math.min(listed.size(), PRODUCTS_PER_PAGE)));
        model.addAttribute("marks", productUse.mine(token, 100).orElse(null));
        return "portal/product-use";
    }

    @PostMapping("/product-use/{listingId}")
    public String setProductUse(@AuthenticationPrincipal OidcUser principal, @PathVariable String listingId, @RequestParam boolean inUse,
                                @RequestParam(defaultValue = "0") int page,
                                @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client, Model model,
                                RedirectAttributes redirect) {
        common(model, principal);
        int status = productUse.set(client.getAccessToken().getTokenValue(), listingId, inUse);
        redirect.addFlashAttribute("message", switch (status) {
            case 200, 201 -> "productUse.marked";
            case 204 -> "productUse.unmarked";
            case 404 -> inUse ? "productUse.notListed" : "productUse.unmarked"; // unmarked already: what the user wanted
            case 409 -> "productUse.notListed";
            default -> "productUse.unavailable";
        });
        return "redirect:/portal/product-use?page=" + Math.max(0, page) + "#product-" + listingId;
    }

    /** File sizes and kinds for people. */
    public static final class Sizes {
        public String kind(String mediaType) {
            return switch (mediaType) {
                case "application/pdf" -> "PDF";
                case "image/png" -> "PNG";
                case "image/jpeg" -> "JPEG";
                case "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "Word";
                case "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "Excel";
                case "application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation" -> "PowerPoint";
                default -> mediaType;
            };
        }

        public String of(long bytes) {
            if (bytes < 1024) {
                return bytes + " B";
            }
            if (bytes < 1024 * 1024) {
                return Math.round(bytes / 1024.0) + " KB";
            }
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
    }
}
