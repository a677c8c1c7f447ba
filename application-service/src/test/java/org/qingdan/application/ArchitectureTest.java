package org.qingdan.application;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.qingdan.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "org.qingdan.application", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_is_framework_free = ArchitectureRules.domainIsFrameworkFree();

    @ArchTest
    static final ArchRule web_reads_no_persistence = ArchitectureRules.webReadsNoPersistence();

    @ArchTest
    static final ArchRule services_throw_no_http_types = ArchitectureRules.servicesThrowNoHttpTypes();

    @ArchTest
    static final ArchRule changes_go_through_versioned_store = ArchitectureRules.changesGoThroughVersionedStore();

    @ArchTest
    static final ArchRule no_other_service = ArchitectureRules.usesNoOtherService("application");
}
