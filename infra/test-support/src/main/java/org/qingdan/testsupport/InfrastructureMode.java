package org.qingdan.testsupport;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where the tests' infrastructure runs. In process (a real Kafka KRaft broker, the MongoDB wire-protocol
 * server and an OIDC issuer inside the test JVM) is the default and the only mode on machines without a
 * Docker engine; with an engine the same tests run on Testcontainers (a real MongoDB replica set and a
 * Kafka container). {@code QINGDAN_TEST_INFRA=in-process|testcontainers} overrides the detection.
 */
public enum InfrastructureMode {
    IN_PROCESS,
    TESTCONTAINERS;

    public static final String OVERRIDE_VARIABLE = "QINGDAN_TEST_INFRA";

    /** Decides from an explicit override (may be null or blank) and, failing that, whether Docker answers. */
    public static InfrastructureMode choose(String override, BooleanSupplier dockerAvailable) {
        if (override != null && !override.isBlank()) {
            return switch (override.trim().toLowerCase(Locale.ROOT)) {
                case "in-process", "inprocess", "in_process" -> IN_PROCESS;
                case "testcontainers", "docker" -> TESTCONTAINERS;
                default -> throw new IllegalArgumentException(OVERRIDE_VARIABLE + " must be in-process or testcontainers, not " + override);
            };
        }
        return dockerAvailable.getAsBoolean() ? TESTCONTAINERS : IN_PROCESS;
    }

    static InfrastructureMode detect() {
        String override = System.getenv(OVERRIDE_VARIABLE);
        if (override == null) {
            override = System.getProperty("qingdan.test.infra");
        }
        return choose(override, InfrastructureMode::dockerAnswers);
    }

    private static boolean dockerAnswers() {
        // no socket and no DOCKER_HOST: skip Testcontainers' probing, which only logs errors here
        if (System.getenv("DOCKER_HOST") == null && !new java.io.File("/var/run/docker.sock").exists()
                && !new java.io.File(System.getProperty("user.home"), ".docker/run/docker.sock").exists()) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }
}
