package org.qingdan.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfrastructureModeTest {

    @Test
    void without_an_override_docker_decides() {
        assertThat(InfrastructureMode.choose(null, () -> true)).isEqualTo(InfrastructureMode.TESTCONTAINERS);
        assertThat(InfrastructureMode.choose("", () -> false)).isEqualTo(InfrastructureMode.IN_PROCESS);
    }

    @Test
    void an_override_wins_over_docker() {
        assertThat(InfrastructureMode.choose("in-process", () -> true)).isEqualTo(InfrastructureMode.IN_PROCESS);
        assertThat(InfrastructureMode.choose("Testcontainers", () -> false)).isEqualTo(InfrastructureMode.TESTCONTAINERS);
    }

    @Test
    void a_misspelt_override_is_an_error_not_a_silent_default() {
        assertThatThrownBy(() -> InfrastructureMode.choose("containers-please", () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(InfrastructureMode.OVERRIDE_VARIABLE);
    }

    @Test
    void this_machine_has_no_docker_engine_so_tests_run_in_process() {
        // documents the expectation of CI here; a machine with Docker legitimately picks containers
        if (!new java.io.File("/var/run/docker.sock").exists() && System.getenv(InfrastructureMode.OVERRIDE_VARIABLE) == null) {
            assertThat(RealInfrastructure.mode()).isEqualTo(InfrastructureMode.IN_PROCESS);
        }
    }
}
