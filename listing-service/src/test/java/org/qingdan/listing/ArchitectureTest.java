package org.qingdan.listing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain knows no framework: no Spring, no web, no persistence, no Kafka, no JSON binding. */
@AnalyzeClasses(packages = "org.qingdan.listing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_framework_free = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "jakarta.persistence..", "org.bson..",
                    "com.mongodb..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson.databind..",
                    "..web..", "..persistence..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule no_other_service = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.qingdan.application..", "org.qingdan.review..", "org.qingdan.notification..", "org.qingdan.gateway..");
}
