package org.qingdan.notification.delivery.mail;

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
    /** The sender's domain, which names the Message-IDs (RFC 5322 §3.6.4: unique left of it, ours right of it). */
    private final String domain;
    private final CircuitBreaker breaker;

    public MailGateway(JavaMailSender sender, @Value("${qingdan.notifications.from:qingdan@localhost}") String from,
                       @Value("${qingdan.notifications.smtp-breaker.open-for:PT30S}") Duration openFor) {
        this.sender = sender;
        this.from = from;
        this.domain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim();
        this.breaker = CircuitBreaker.of("smtp", CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(openFor).permittedNumberOfCallsInHalfOpenState(2).build());
    }

    /** One mail to send, known by the id of its notification. */
    public record Mail(String id, String to, String subject, String text, String html) {
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
                // the notification's id as the Message-ID (Spring keeps one set explicitly): SMTP cannot be
                // exactly-once — an instance killed after the server accepted a mail and before its DELIVERED
                // record sends it again once its claim expires — so a repeat carries the same Message-ID, by
                // which mail programs and a relay's duplicate filter recognise it as the same message
                message.setHeader("Message-ID", messageId(mail.id()));
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

    /** The Message-ID of a notification's mail: the same at every attempt. */
    public String messageId(String notificationId) {
        return "<" + notificationId + "@" + domain + ">";
    }

    private static String reason(Throwable why) {
        return why.getClass().getSimpleName() + ": " + why.getMessage();
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }
}
