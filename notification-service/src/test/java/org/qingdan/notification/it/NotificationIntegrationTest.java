package org.qingdan.notification.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running notification-service for all its tests, with a real SMTP server in the JVM (GreenMail) whose
 * inbox the tests read, on the real broker, wire server and issuer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qingdan.notifications.retry-interval=PT0.2S", "qingdan.notifications.max-attempts=3",
        "qingdan.notifications.smtp-breaker.open-for=PT0.5S", "qingdan.webhooks.pause-after=3",
        "qingdan.webhooks.max-attempts=10", "spring.mail.properties.mail.smtp.connectiontimeout=1000",
        // the receivers in these tests listen on loopback over http: allowed for these names only
        "qingdan.webhooks.development-hosts=127.0.0.1,localhost"})
@WithRealInfrastructure
abstract class NotificationIntegrationTest {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;
    /** Actuator's own port (management.server.port), never routed by the gateway. */
    @LocalManagementPort
    int managementPort;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    MongoTemplate mongo;
    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
        if (smtp == null) {
            smtp = startSmtp();
        }
    }

    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    static void stopSmtp() {
        smtp.stop();
        smtp = null;
    }

    void send(DomainEvent event) throws Exception {
        kafka.send(CloudEventRecords.of(event, "/test")).get();
    }

    /** Mails received for a recipient whose subject contains {@code subjectPart}. */
    static List<MimeMessage> mails(String recipient, String subjectPart) {
        if (smtp == null) {
            return List.of();
        }
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(recipient))
                        && m.getSubject().contains(subjectPart);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    Document notification(String eventId, String recipient) {
        return mongo.getCollection("notifications").find(new Document("eventId", eventId).append("recipient", recipient)).first();
    }
}
