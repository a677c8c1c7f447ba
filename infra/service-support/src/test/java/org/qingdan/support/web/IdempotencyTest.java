package org.qingdan.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qingdan.support.domain.Refusal;

class IdempotencyTest {

    @Test
    void one_key_of_one_caller_names_one_resource_and_no_key_a_new_one_each_time() {
        assertThat(Idempotency.idFor("report", "org-a", "k1")).isEqualTo(Idempotency.idFor("report", "org-a", " k1 "));
        assertThat(Idempotency.idFor("report", "org-a", "k1")).isNotEqualTo(Idempotency.idFor("report", "org-b", "k1"))
                .isNotEqualTo(Idempotency.idFor("call", "org-a", "k1"));
        assertThat(Idempotency.idFor("report", "org-a", null)).isNotEqualTo(Idempotency.idFor("report", "org-a", null));
    }

    @Test
    void a_replay_of_the_same_request_answers_what_it_created_and_of_another_is_refused() {
        String hash = Idempotency.hash("a|b");
        assertThat(Idempotency.replay("created", hash, Idempotency.hash("a|b"))).isEqualTo("created");
        assertThatThrownBy(() -> Idempotency.replay("created", hash, Idempotency.hash("a|c")))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(RefusalProblems.status(e.kind())).isEqualTo(422);
                    assertThat(e.type()).isEqualTo("idempotency-key-reused");
                });
        assertThatThrownBy(() -> Idempotency.replay("created", null, hash)).isInstanceOf(Refusal.class);
    }
}
