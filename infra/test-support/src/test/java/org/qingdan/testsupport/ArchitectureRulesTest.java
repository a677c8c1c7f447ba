package org.qingdan.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {

    @Test
    void a_domain_class_that_uses_spring_breaks_the_rule() {
        var classes = new ClassFileImporter().importPackages("org.qingdan.testsupport.fixture");
        assertThat(ArchitectureRules.domainIsFrameworkFree().evaluate(classes).hasViolation()).isTrue();
    }

    @Test
    void a_web_class_that_reads_a_store_or_answers_a_document_breaks_the_rule() {
        var web = new ClassFileImporter().importPackages("org.qingdan.testsupport.fixture.web");
        var result = ArchitectureRules.webReadsNoPersistence().evaluate(web);
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("StoreReadingController") && d.contains("ThingStore"))
                .anyMatch(d -> d.contains("DocumentAnsweringController") && d.contains("org.bson.Document"));
    }

    @Test
    void a_web_class_over_a_query_service_keeps_the_rule() {
        var classes = new ClassFileImporter().importPackages("org.qingdan.testsupport.fixture.query");
        assertThat(ArchitectureRules.webReadsNoPersistence().evaluate(classes).hasViolation()).isFalse();
    }

    @Test
    void a_service_with_its_own_retry_loop_breaks_the_rule() {
        var classes = new ClassFileImporter().importPackages("org.qingdan.testsupport.fixture.retry", "org.qingdan.support.outbox");
        var result = ArchitectureRules.changesGoThroughVersionedStore().evaluate(classes);
        assertThat(result.getFailureReport().getDetails()).isNotEmpty().allMatch(d -> d.contains("HandRetryingService"));
    }

    @Test
    void only_the_web_and_query_objects_may_refuse_in_http_words() {
        var classes = new ClassFileImporter().importPackages("org.qingdan.testsupport.fixture.refusal");
        var result = ArchitectureRules.servicesThrowNoHttpTypes().evaluate(classes);
        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(d -> d.contains("HttpRefusingService"));
    }

    @Test
    void service_support_refuses_in_http_words_only_in_its_web() {
        var classes = new ClassFileImporter().importPackages("org.qingdan.support.fixture.refusal");
        var result = ArchitectureRules.servicesThrowNoHttpTypes().evaluate(classes);
        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(d -> d.contains("HttpRefusingRecorder"));
    }
}
