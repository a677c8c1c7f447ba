package org.qingdan.review.testing;

import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.review.reviewcase.domain.Call;
import org.qingdan.review.reviewcase.domain.ExclusionGround;
import org.qingdan.contracts.form.Rating;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.review.reviewcase.domain.Review;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.review.reviewcase.domain.ReviewedForm;
import org.qingdan.review.reviewcase.events.CallAdapter;
import org.qingdan.review.reviewcase.events.FormAdapter;
import org.qingdan.review.reviewcase.events.ReReviewAdapter;
import org.qingdan.review.reviewer.domain.Reviewer;
import org.qingdan.support.outbox.AggregateStore;
import org.qingdan.testsupport.RealInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Review cases in given states, and a database of their own on the real MongoDB wire server of the test JVM
 * (mapped as Spring Boot maps it, indexes created from the annotations), for store and service tests that
 * need exact counts.
 */
public final class ReviewFixtures {

    public static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    public static final Duration PERIOD = Duration.ofDays(14);
    // none of these is an organisation of the sample form (bank 91100000100003962T, vendor 91110108551385082Q)
    public static final Reviewer R1 = reviewer("r1", "911301006789123452", 5);
    public static final Reviewer R2 = reviewer("r2", "91130100401234561E", 5);
    public static final Reviewer R3 = reviewer("r3", "12130000400007199N", 5);
    public static final Reviewer R4 = reviewer("r4", "911301027356003226", 5);

    public static Reviewer reviewer(String id, String org, int limit) {
        return new Reviewer(id, "专家" + id, id + "@expert.cn", org, "机构" + id, List.of(ApplicationScenario.RISK_MANAGEMENT),
                List.of("大数据"), limit, true);
    }

    /** The sample call, as a case keeps it. */
    public static final Call CALL = CallAdapter.toDomain(ContractSamples.CALL);

    /** The sample form, as a case keeps it. */
    public static ReviewedForm form() {
        return FormAdapter.toDomain(ContractSamples.form());
    }

    /** The sample form with every field set (the sample leaves the office address and the other scenario empty). */
    public static ApplicationFormSnapshot fullForm() {
        ApplicationFormSnapshot f = ContractSamples.form();
        var a = f.applicant();
        var p = f.product();
        return new ApplicationFormSnapshot(
                new ApplicationFormSnapshot.ApplicantOrganisation(a.name(), a.uscc(), a.leadKind(), a.registeredAddress(), "石家庄市裕华区槐安路1号",
                        a.financialLicenceNumber()),
                f.contact(), f.participants(), f.enterprise(),
                new ApplicationFormSnapshot.Product(p.name(), p.introduction(), p.keyTechnologies(), p.goLiveDate(), p.honours(),
                        p.productType(), List.of(ApplicationScenario.RISK_MANAGEMENT, ApplicationScenario.OTHER), "贷后预警"),
                f.selfAssessment(), f.operationalEvaluation(), f.supportingMaterials(), f.eligibility(), f.opinion(), f.commitment(),
                f.attachments(), f.filingDate());
    }

    /** A new case of the sample form and call (three reviewers per application). */
    public static ReviewCase opened(String id, Instant openedAt) {
        return ReviewCase.open(id, CALL, 1, form(), List.of(), openedAt);
    }

    /** A re-review case of the sample product, on the sample report and answers (three reviewers). */
    public static ReviewCase reReview(String id, Instant openedAt) {
        return ReviewCase.openReReview(ReReviewAdapter.toDomain(ContractSamples.reReviewRequested("listing-" + id, id)), 3, openedAt);
    }

    public static ReviewCase assigned(ReviewCase c, Reviewer... reviewers) {
        for (Reviewer r : reviewers) {
            c = c.assign(r, 0, "office", NOW, PERIOD).reviewCase();
        }
        return c;
    }

    public static ReviewCase submitted(ReviewCase c, String reviewerId) {
        return c.saveDraft(reviewerId, complete(), NOW).submit(reviewerId, NOW).reviewCase();
    }

    public static ReviewCase drafted(ReviewCase c, String reviewerId) {
        return c.saveDraft(reviewerId, complete(), NOW);
    }

    public static ReviewCase recused(ReviewCase c, String reviewerId) {
        return c.declareConflict(reviewerId, "曾为该产品提供咨询").reviewCase();
    }

    public static Review complete() {
        Map<AssessmentDimension, Rating> ratings = new EnumMap<>(AssessmentDimension.class);
        for (AssessmentDimension d : AssessmentDimension.values()) {
            ratings.put(d, Rating.GOOD);
        }
        Map<ExclusionGround, Boolean> exclusions = new EnumMap<>(ExclusionGround.class);
        for (ExclusionGround g : ExclusionGround.values()) {
            exclusions.put(g, false);
        }
        return new Review(null, ratings, true, exclusions, true, "技术方案成熟", "建议补充运维数据", false, null, null);
    }

    /** A fresh database on the shared wire server, with auto index creation as the services have it. */
    public static MongoTemplate freshDatabase() {
        String database = "review-" + UUID.randomUUID().toString().substring(0, 8);
        var factory = new SimpleMongoClientDatabaseFactory(MongoClients.create(RealInfrastructure.mongo().uri(database)), database);
        var conversions = new MongoCustomConversions(List.of());
        var context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.setAutoIndexCreation(true);
        context.afterPropertiesSet();
        var converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return new MongoTemplate(factory, converter);
    }

    public static AggregateStore aggregates(MongoTemplate mongo) {
        return new AggregateStore(mongo, "/review-service", () -> {
        });
    }

    private ReviewFixtures() {
    }
}
