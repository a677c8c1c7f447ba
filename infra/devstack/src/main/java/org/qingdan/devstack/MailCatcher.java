package org.qingdan.devstack;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server (GreenMail) for the local stack: it accepts every mail the services send and saves
 * each as an {@code .eml} file that any mail program opens, and says in the console who got what.
 *
 * <p>Each mail is taken out of GreenMail once it is saved (or, when only counted, once it is noted): GreenMail keeps
 * every message in memory, in this JVM, which also holds the development database. After an hour of benchmark rounds a
 * stack held 19,000 mails, growing without end, and the saver read every one of them again each second; the heap
 * filled and the database stalled in full collections of about 0.28 s, twelve during 300 submissions.
 */
final class MailCatcher {

    private final GreenMail server;
    private final Path folder;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mail-catcher");
        t.setDaemon(true);
        return t;
    });
    /** The Message-IDs and recipients of the last mails saved: a mail to several people lies in several mailboxes. */
    private final Set<String> saved = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });
    /** Counting only: every mail received so far, once per recipient. */
    private final List<Received> received = new ArrayList<>();
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
        catcher.saver.scheduleWithFixedDelay(catcher::drain, 1, 1, TimeUnit.SECONDS);
        return catcher;
    }

    /** A catcher that only counts the mail, neither saving nor printing it (thousands in the fault suite). */
    static MailCatcher counting(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        MailCatcher catcher = new MailCatcher(server, null);
        catcher.saver.scheduleWithFixedDelay(catcher::drain, 1, 1, TimeUnit.SECONDS);
        return catcher;
    }

    /** One mail as received: to whom, its subject, and its Message-ID (notification-service's is the notification's id). */
    record Received(String to, String subject, String messageId) {
    }

    /** Every mail received so far, once per recipient (a counting catcher's). */
    synchronized List<Received> received() {
        drain();
        return List.copyOf(received);
    }

    /** Saves (or notes) each mail GreenMail holds and takes it out; a mail arriving meanwhile waits for the next round. */
    private synchronized void drain() {
        try {
            for (MailFolder mailbox : server.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
                // a copy taken under the mailbox's lock (SMTP delivers meanwhile); one flagged deleted is never taken again
                List<StoredMessage> messages = mailbox.getNonDeletedMessages();
                if (messages.isEmpty()) {
                    continue;
                }
                for (StoredMessage message : messages) {
                    take(message.getMimeMessage());
                    message.setFlag(Flags.Flag.DELETED, true);
                }
                mailbox.expunge();
            }
        } catch (FolderException | RuntimeException e) {
            System.err.println("  could not take the mail: " + e);
        }
    }

    private void take(MimeMessage message) {
        try {
            if (folder == null) {
                for (var to : message.getAllRecipients()) {
                    received.add(new Received(to.toString(), message.getSubject(), message.getMessageID()));
                }
                return;
            }
            if (!saved.add(message.getMessageID() + "|" + Arrays.toString(message.getAllRecipients()))) {
                return;
            }
            count++;
            Path file = folder.resolve(String.format("%d-%04d.eml", System.currentTimeMillis(), count));
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
            }
            System.out.println("  ✉ " + String.join(", ", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList())
                    + " · " + message.getSubject());
        } catch (MessagingException | IOException e) {
            System.err.println("  could not save a mail: " + e.getMessage());
        }
    }

    /** Messages GreenMail holds now (the ones not yet taken). */
    int held() {
        return server.getReceivedMessages().length;
    }

    void stop() {
        drain();
        saver.shutdownNow();
        server.stop();
    }
}
