package org.qingdan.notification.notification.mail;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
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

    /** One mail to send, known by the id of its notification. */
    public record Mail(String id, String to, String subject, String text, String html) {
    }

    public void send(String to, String subject, String text, String html) {
        String failure = sendAll(List.of(new Mail("", to, subject, text, html))).get("");
        if (failure != null) {
            throw new MailFailure(failure);
        }
    }

    /**
     * Sends these over one SMTP connection (reopened if the server drops it) and answers why each that was not
     * sent failed, by id; empty when all went. A connection per mail costs a handshake each (about 50 ms against
     * the devstack's server, a TLS handshake more against a real relay): 20 mails a second at best, while a
     * batch on one connection goes at several hundred. The breaker counts a batch as one call, failed when no
     * mail of it went.
     */
    public Map<String, String> sendAll(List<Mail> mails) {
        if (mails.isEmpty()) {
            return Map.of();
        }
        Map<String, String> failures = new LinkedHashMap<>();
        Map<MimeMessage, String> ids = new IdentityHashMap<>();
        List<MimeMessage> messages = new ArrayList<>();
        for (Mail mail : mails) {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(from);
                helper.setTo(mail.to());
                helper.setSubject(mail.subject());
                helper.setText(mail.text(), mail.html());
                ids.put(message, mail.id());
                messages.add(message);
            } catch (MessagingException | RuntimeException e) {
                failures.put(mail.id(), reason(e));
            }
        }
        if (messages.isEmpty()) {
            return failures;
        }
        try {
            failures.putAll(breaker.executeCheckedSupplier(() -> {
                try {
                    sender.send(messages.toArray(MimeMessage[]::new));
                    return Map.of();
                } catch (MailSendException e) {
                    Map<String, String> failed = new LinkedHashMap<>();
                    e.getFailedMessages().forEach((message, why) -> failed.put(ids.get(message), reason(why)));
                    if (failed.size() < messages.size() && !failed.isEmpty()) {
                        return failed; // some went: the server works, those failed each for a reason of their own
                    }
                    throw e;
                }
            }));
        } catch (CallNotPermittedException open) {
            messages.forEach(m -> failures.put(ids.get(m), "SMTP 断路器已打开（服务器持续失败），稍后重试"));
        } catch (MailSendException none) {
            messages.forEach(m -> failures.put(ids.get(m), reason(none.getFailedMessages().getOrDefault(m, none))));
        } catch (Throwable e) {
            messages.forEach(m -> failures.put(ids.get(m), reason(e)));
        }
        return failures;
    }

    private static String reason(Throwable why) {
        return why.getClass().getSimpleName() + ": " + why.getMessage();
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
