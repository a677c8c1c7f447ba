package org.qingdan.testsupport;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker, the MongoDB server and the OIDC issuer, each started at most once per test JVM on first
 * use and stopped when the JVM exits. Every Spring context and plain test of the JVM shares them.
 */
public final class RealInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(RealInfrastructure.class);
    private static final InfrastructureMode MODE = InfrastructureMode.detect();
    private static final AtomicReference<KafkaBroker> KAFKA = new AtomicReference<>();
    private static final AtomicReference<MongoServer> MONGO = new AtomicReference<>();
    private static final AtomicReference<OidcIssuer> OIDC = new AtomicReference<>();

    public static InfrastructureMode mode() {
        return MODE;
    }

    public static synchronized KafkaBroker kafka() {
        if (KAFKA.get() == null) {
            long started = System.nanoTime();
            KAFKA.set(MODE == InfrastructureMode.TESTCONTAINERS ? ContainerInfrastructure.kafka() : new InProcessKafkaBroker());
            closeAtExit(KAFKA.get());
            log.info("Kafka broker ({}) at {} up in {} ms", MODE, KAFKA.get().bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
        }
        return KAFKA.get();
    }

    public static synchronized MongoServer mongo() {
        if (MONGO.get() == null) {
            MONGO.set(MODE == InfrastructureMode.TESTCONTAINERS ? ContainerInfrastructure.mongo() : new InProcessMongoServer());
            closeAtExit(MONGO.get());
        }
        return MONGO.get();
    }

    public static synchronized OidcIssuer oidc() {
        if (OIDC.get() == null) {
            OIDC.set(new OidcIssuer());
            closeAtExit(OIDC.get());
        }
        return OIDC.get();
    }

    /**
     * Closes the resource when the JVM exits, after Spring Boot closed the test's application contexts: a
     * shutdown hook of its own would run beside theirs, stop the broker under a producer that still had
     * records to send, and keep the JVM waiting for the producer's close timeout.
     */
    private static void closeAtExit(AutoCloseable resource) {
        org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> {
            try {
                resource.close();
            } catch (Exception ignored) {
                // the JVM is going away
            }
        });
    }

    private RealInfrastructure() {
    }
}
