package org.qingdan.notification.notification.mail;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mail through SMTP behind a circuit breaker: while the server keeps failing, attempts fail fast
 * (and are retried later by the schedule) instead of piling up on a dead connection.
 */
@Component
public class MailGateway {

    private final JavaMailSender sender;
    private final String from;
    private final CircuitBreaker breaker;

    public MailGateway(JavaMailSender sender, @Value("${qingdan.notifications.from:qingdan@localhost}") String from,
                       @Value("${qingdan.notifications.smtp-breaker.open-for:PT30S}") Duration openFor) {
        this.sender = sender;
        this.from = from;
        this.breaker = CircuitBreaker.of("smtp", CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(openFor).permittedNumberOfCallsInHalfOpenState(2).build());
    }

    public void send(String to, String subject, String text, String html) {
        try {
            breaker.executeCheckedSupplier(() -> {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(from);
                helper.setTo(to);
                helper.setSubject(subject);
                helper.setText(text, html);
                sender.send(message);
                return null;
            });
        } catch (CallNotPermittedException open) {
            throw new MailFailure("SMTP 断路器已打开（服务器持续失败），稍后重试");
        } catch (Throwable e) {
            throw new MailFailure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** Why a mail could not be sent now. */
    public static class MailFailure extends RuntimeException {
        public MailFailure(String message) {
            super(message);
        }
    }
}
