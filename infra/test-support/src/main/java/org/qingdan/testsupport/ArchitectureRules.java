package org.qingdan.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    /** A service shares only contracts and service-support with the others, never their classes. */
    public static ArchRule usesNoOtherService(String own) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(own)).map(s -> "org.qingdan." + s + "..").toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others);
    }

    private ArchitectureRules() {
    }
}
