package org.qingdan.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server (GreenMail) for the local stack: it accepts every mail the services send and saves
 * each as an {@code .eml} file that any mail program opens, and says in the console who got what.
 */
final class MailCatcher {

    private final GreenMail server;
    private final Path folder;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mail-catcher");
        t.setDaemon(true);
        return t;
    });
    /** Message-IDs already saved: GreenMail lists messages mailbox by mailbox, not in arrival order. */
    private final java.util.Set<String> saved = new java.util.HashSet<>();
    private int count;

    private MailCatcher(GreenMail server, Path folder) {
        this.server = server;
        this.folder = folder;
    }

    static MailCatcher start(int port, Path folder) throws IOException {
        Files.createDirectories(folder);
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        MailCatcher catcher = new MailCatcher(server, folder);
        catcher.saver.scheduleWithFixedDelay(catcher::save, 1, 1, TimeUnit.SECONDS);
        return catcher;
    }

    /** A catcher that only keeps the mail in memory, neither saving nor printing it (thousands in the fault suite). */
    static MailCatcher counting(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new MailCatcher(server, null);
    }

    /** One mail as received: to whom, its subject, and its Message-ID (notification-service's is the notification's id). */
    record Received(String to, String subject, String messageId) {
    }

    /** Each message read once (thousands in the fault suite, counted every second). */
    private final java.util.Map<MimeMessage, java.util.List<Received>> parsed = new java.util.IdentityHashMap<>();

    /** Every mail received so far, once per recipient. */
    synchronized java.util.List<Received> received() {
        java.util.List<Received> all = new java.util.ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            all.addAll(parsed.computeIfAbsent(message, m -> {
                try {
                    return java.util.Arrays.stream(m.getAllRecipients()).map(to -> {
                        try {
                            return new Received(to.toString(), m.getSubject(), m.getMessageID());
                        } catch (jakarta.mail.MessagingException e) {
                            throw new IllegalStateException("an unreadable mail", e);
                        }
                    }).toList();
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException("an unreadable mail", e);
                }
            }));
        }
        return all;
    }

    private synchronized void save() {
        if (folder == null) {
            return;
        }
        for (MimeMessage message : server.getReceivedMessages()) {
            String id;
            try {
                id = message.getMessageID() + "|" + java.util.Arrays.toString(message.getAllRecipients());
            } catch (jakarta.mail.MessagingException e) {
                id = String.valueOf(System.identityHashCode(message));
            }
            if (!saved.add(id)) {
                continue;
            }
            count++;
            Path file = folder.resolve(String.format("%d-%04d.eml", System.currentTimeMillis(), count));
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
                System.out.println("  ✉ " + String.join(", ", java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList())
                        + " · " + message.getSubject());
            } catch (Exception e) {
                System.err.println("  could not save a mail: " + e.getMessage());
            }
        }
    }

    void stop() {
        save();
        saver.shutdownNow();
        server.stop();
    }
}
