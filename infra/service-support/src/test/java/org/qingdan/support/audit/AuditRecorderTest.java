package org.qingdan.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.testsupport.MutableClock;
import org.qingdan.testsupport.RealInfrastructure;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The shared audit trail on the real wire server: who, when, what, which request; append-only; one aggregate a page at a time. */
class AuditRecorderTest {

    static MongoClient client;
    static MongoTemplate mongo;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    static final CurrentUser OFFICE = new CurrentUser("sub-office", "office", "办公室 王", null, "51130000MJ1234561K", "河北省金融市场协会",
            Set.of("office"));

    @BeforeAll
    static void connect() {
        client = MongoClients.create(RealInfrastructure.mongo().uri("audit-test"));
        mongo = new MongoTemplate(client, "audit-test");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void each_command_is_recorded_with_who_when_what_and_the_request_and_read_back_a_page_at_a_time_oldest_first() {
        AuditRecorder audit = new AuditRecorder(mongo, CLOCK, null);
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        try {
            audit.record("listing", "L-1", OFFICE, "DELISTED", "移出清单：第十二条（一）");
        } finally {
            MDC.remove("traceId");
        }
        for (int i = 0; i < 4; i++) {
            CLOCK.advance(java.time.Duration.ofSeconds(1));
            audit.recordSystem("listing", "L-1", "system", "系统", "STEP_" + i, "第 " + i + " 步");
        }
        audit.record("listing", "L-2", OFFICE, "OTHER", "另一个清单项");
        // records of one instant (a clock standing still) keep the order they were written in
        for (int i = 0; i < 20; i++) {
            audit.recordSystem("listing", "L-3", "system", "系统", "SAME_" + i, "同一时刻");
        }
        assertThat(audit.trail("listing", "L-3", 0, 100).items()).extracting(AuditRecord::action)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "SAME_" + i).toList());

        AuditRecorder.Page first = audit.trail("listing", "L-1", 0, 2);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(AuditRecord::action).containsExactly("DELISTED", "STEP_0");
        AuditRecord delisted = first.items().get(0);
        assertThat(delisted.actorId()).isEqualTo("sub-office");
        assertThat(delisted.actorName()).isEqualTo("办公室 王");
        assertThat(delisted.orgUscc()).isEqualTo("51130000MJ1234561K");
        assertThat(delisted.orgName()).isEqualTo("河北省金融市场协会");
        assertThat(delisted.roles()).containsExactly("office");
        assertThat(delisted.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(delisted.at()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(first.items().get(1).orgUscc()).isNull();
        assertThat(audit.trail("listing", "L-1", 2, 2).items()).extracting(AuditRecord::action).containsExactly("STEP_3");
        assertThat(audit.trail("listing", "L-2", 0, 10).items()).extracting(AuditRecord::action).containsExactly("OTHER");
        assertThat(audit.trail("application", "L-1", 0, 10).total()).isZero();
    }

    @Test
    void a_record_that_cannot_be_written_leaves_the_command_standing_and_is_counted() {
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        MongoClient lost = MongoClients.create(RealInfrastructure.mongo().uri("audit-test"));
        AuditRecorder audit = new AuditRecorder(new MongoTemplate(lost, "audit-test"), CLOCK, meters);
        lost.close(); // the database is gone after the command's own write
        AuditRecord kept = audit.record("call", "C-1", OFFICE, "OPENED", "开始征集");
        assertThat(kept.action()).isEqualTo("OPENED");
        assertThat(meters.get("qingdan.audit.failures").counter().count()).isEqualTo(1.0);
    }

    @Test
    void the_trail_is_append_only_and_bad_paging_is_a_problem_naming_the_parameter() {
        AuditRecorder audit = new AuditRecorder(mongo, CLOCK, null);
        // nothing to change or remove a record with
        assertThat(Arrays.stream(AuditRecorder.class.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(java.lang.reflect.Method::getName).distinct().sorted().toList()).isEqualTo(List.of("record", "recordSystem", "trail"));
        assertThatThrownBy(() -> audit.trail("listing", "L-1", 0, 101)).isInstanceOfSatisfying(Refusal.class,
                e -> assertThat(e.getMessage()).isNotBlank());
        assertThatThrownBy(() -> audit.trail("listing", "L-1", -1, 10)).isInstanceOf(Refusal.class);
        // the index that reads one aggregate's trail in order
        assertThat(mongo.indexOps(AuditRecorder.COLLECTION).getIndexInfo()).anyMatch(i -> i.getName().equals("trail"));
    }
}
