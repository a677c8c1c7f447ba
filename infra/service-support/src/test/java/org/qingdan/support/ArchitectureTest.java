package org.qingdan.support;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.qingdan.testsupport.ArchitectureRules;

/**
 * Service-support keeps the services' rules: its domain knows no framework, its web (admin controllers, problem
 * answers, OpenAPI) reads no store, and only its web speaks HTTP.
 */
@AnalyzeClasses(packages = "org.qingdan.support", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_framework_free = ArchitectureRules.domainIsFrameworkFree();

    @ArchTest
    static final ArchRule web_reads_no_persistence = ArchitectureRules.webReadsNoPersistence();

    @ArchTest
    static final ArchRule services_throw_no_http_types = ArchitectureRules.servicesThrowNoHttpTypes();
}
