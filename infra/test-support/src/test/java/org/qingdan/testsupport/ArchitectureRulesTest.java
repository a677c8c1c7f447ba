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
}
