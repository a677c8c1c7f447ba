package org.qingdan.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The rules every service's ArchitectureTest applies (ARCHITECTURE.md, "Inside a service"). */
public final class ArchitectureRules {

    private static final List<String> SERVICES = List.of("application", "review", "listing", "notification", "gateway");

    /** The domain knows no framework: no Spring, web, persistence, Kafka or JSON binding. */
    public static ArchRule domainIsFrameworkFree() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "jakarta.persistence..", "org.bson..",
                        "com.mongodb..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson.databind..",
                        "..web..", "..persistence..")
                .allowEmptyShould(true);
    }

    /**
     * The web maps HTTP onto services and query services and answers with typed views: it reads no store, no
     * document and no database itself (ddd-by-examples' {@code ui_should_not_depend_on_infrastructure}).
     */
    public static ArchRule webReadsNoPersistence() {
        return noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("..persistence..", "org.bson..", "com.mongodb..",
                        "org.springframework.data.mongodb..")
                .allowEmptyShould(true);
    }

    /**
     * The HTTP types whose use outside the web says "this service answers HTTP": the problem exception, the status
     * types and the exceptions that carry a status. By name: test-support does not depend on service-support.
     */
    private static final DescribedPredicate<JavaClass> HTTP_ANSWER_TYPES = DescribedPredicate.describe("answer HTTP",
            c -> c.isAssignableTo("org.qingdan.support.web.ProblemException")
                    || List.of("org.springframework.http.HttpStatus", "org.springframework.http.HttpStatusCode",
                            "org.springframework.http.ProblemDetail", "org.springframework.http.ResponseEntity").contains(c.getName())
                    || c.isAssignableTo("org.springframework.web.server.ResponseStatusException")
                    || c.isAssignableTo("org.springframework.web.ErrorResponseException"));

    /**
     * Domain and application services refuse with {@code org.qingdan.support.domain.Refusal}, which the web answers
     * once as a problem document; only the web and the UIs (ui, portal) speak HTTP, service-support's own in its
     * {@code web} packages alone (its recorders and readers refuse like any service). Query objects ({@code *Query})
     * parse request parameters and may answer 400 for one that does not parse.
     */
    public static ArchRule servicesThrowNoHttpTypes() {
        return noClasses().that().resideOutsideOfPackages("..web..", "..ui..", "..portal..")
                .and().haveSimpleNameNotEndingWith("Query")
                .should().dependOnClassesThat(HTTP_ANSWER_TYPES)
                .allowEmptyShould(true);
    }

    /**
     * An aggregate changes through its store's {@code VersionedStore.change} (load, decide, write with the version
     * check, retry a conflict): no service writes its own retry loop around {@code ConflictRetry}.
     */
    public static ArchRule changesGoThroughVersionedStore() {
        return noClasses().that().resideOutsideOfPackage("org.qingdan.support.outbox..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.qingdan.support.outbox.ConflictRetry")
                .allowEmptyShould(true);
    }

    /** A service shares only contracts and service-support with the others, never their classes. */
    public static ArchRule usesNoOtherService(String own) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(own)).map(s -> "org.qingdan." + s + "..").toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others);
    }

    private ArchitectureRules() {
    }
}
