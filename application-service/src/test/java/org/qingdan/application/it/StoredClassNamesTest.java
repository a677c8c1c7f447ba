package org.qingdan.application.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.application.Forms;
import org.qingdan.application.intake.domain.Actor;
import org.qingdan.application.intake.domain.Application;
import org.qingdan.application.intake.domain.ApplicationStatus;
import org.qingdan.application.intake.domain.AuditEntry;
import org.qingdan.application.intake.domain.CorrectionComment;
import org.qingdan.application.intake.domain.ParticipantConfirmation;
import org.qingdan.application.intake.domain.SubmittedVersion;
import org.qingdan.application.intake.persistence.ApplicationDocument;
import org.qingdan.application.intake.persistence.ApplicationStore;
import org.qingdan.support.domain.Versioned;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The applications stored before the package was renamed (application.application → application.intake) carry the
 * old class name in {@code _class}. Spring Data types a document from {@code _class} only where the declared type does
 * not say enough (an interface, an abstract or sealed type); every type of an application's state is a concrete
 * record or enum, so only the root carries {@code _class}, and a root whose {@code _class} names no class is read
 * as the type asked for.
 */
class StoredClassNamesTest extends IntegrationTest {

    /** What {@code _class} holds in the applications written before the rename. */
    static final String OLD_CLASS = "org.qingdan.application.application.persistence.ApplicationDocument";

    @Autowired
    ApplicationStore store;
    @Autowired
    MongoTemplate mongo;

    @Test
    void an_application_stored_under_the_old_package_name_still_reads_and_takes_the_new_name_when_saved() {
        Application original = everyFieldFilled("renamed-" + UUID.randomUUID());
        store.insert(original, "hash-1", List.of());
        Document written = raw(original.id());
        assertThat(written.getString("_class")).isEqualTo(ApplicationDocument.class.getName());
        // only the root is typed by _class: no field of the state is polymorphic, so nothing nested names a class
        written.remove("_class");
        assertThat(classNamesIn(written)).isEmpty();

        // the same document as the old code wrote it, in its place
        Document old = new Document(written).append("_class", OLD_CLASS);
        mongo.getCollection("applications").deleteOne(new Document("_id", original.id()));
        mongo.getCollection("applications").insertOne(old);
        assertThat(raw(original.id()).getString("_class")).isEqualTo(OLD_CLASS);

        Versioned<Application> read = store.find(original.id()).orElseThrow();
        assertThat(read.state()).isEqualTo(original);
        assertThat(read.version()).isZero();
        assertThat(read.requestHash()).isEqualTo("hash-1");
        assertThat(store.list(original.ownerUscc(), original.callId(), null, 0, 10)).containsExactly(original);

        // a save writes the new name
        store.update(read, read.state(), List.of());
        assertThat(raw(original.id()).getString("_class")).isEqualTo(ApplicationDocument.class.getName());
        assertThat(store.find(original.id()).orElseThrow().state()).isEqualTo(original);
    }

    private Document raw(String id) {
        return mongo.getCollection("applications").find(new Document("_id", id)).first();
    }

    /** Every {@code _class} value anywhere below this document. */
    private static List<Object> classNamesIn(Object value) {
        List<Object> found = new ArrayList<>();
        if (value instanceof Document d) {
            if (d.containsKey("_class")) {
                found.add(d.get("_class"));
            }
            d.values().forEach(v -> found.addAll(classNamesIn(v)));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> found.addAll(classNamesIn(v)));
        }
        return found;
    }

    /** An application with every field and every nested type present (times in millis, as the database keeps them). */
    private static Application everyFieldFilled(String id) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Actor applicant = new Actor("applicant-a", "张三");
        Actor office = new Actor("office-1", "受理人");
        var form = Forms.complete(Forms.files());
        return new Application(id, "call-" + id, Forms.ORG_A, Forms.ORG_A_NAME, ApplicationStatus.RETURNED, form,
                List.of(new SubmittedVersion(1, form, at, applicant, List.of("risk-flag"), LocalDate.of(2026, 11, 20))),
                List.of(new CorrectionComment("product.introduction", "请补充应用成效")), null, Set.of("reviewer-1"),
                List.of(new AuditEntry(at, applicant, "SUBMITTED", "提交申报"), new AuditEntry(at, office, "RETURNED", "退回补正")),
                at, Instant.parse("2099-01-01T00:00:00Z"), null,
                List.of(new ParticipantConfirmation(Forms.VENDOR, "产品研发、测试与运维", ParticipantConfirmation.Decision.CONFIRMED,
                        null, new Actor("vendor-1", "李四"), at)));
    }
}
