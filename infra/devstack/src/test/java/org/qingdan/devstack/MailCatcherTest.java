package org.qingdan.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mail is saved (or counted) once, and none stays in GreenMail's memory afterwards. */
class MailCatcherTest {

    @TempDir
    Path dir;

    @Test
    void saves_each_mail_once_and_keeps_none_in_memory() throws IOException {
        int port = freePort();
        MailCatcher catcher = MailCatcher.start(port, dir);
        try {
            send(port, "a@bank.example", "第一封");
            send(port, "b@bank.example,c@bank.example", "两位收件人");
            await().atMost(Duration.ofSeconds(20)).until(() -> emls().count() == 2);
            await().atMost(Duration.ofSeconds(5)).until(() -> catcher.held() == 0);
            send(port, "a@bank.example", "第三封");
            await().atMost(Duration.ofSeconds(20)).until(() -> emls().count() == 3);
        } finally {
            catcher.stop();
        }
        assertThat(emls().count()).as("a mail in two mailboxes saved once").isEqualTo(3);
    }

    @Test
    void counts_each_mail_once_per_recipient_and_keeps_none_in_memory() {
        int port = freePort();
        MailCatcher catcher = MailCatcher.counting(port);
        try {
            send(port, "a@bank.example", "第一封");
            send(port, "b@bank.example,c@bank.example", "两位收件人");
            // GreenMail puts a copy in each recipient's mailbox, and each copy names both: counted as before, 1 + 2 × 2
            await().atMost(Duration.ofSeconds(20)).until(() -> catcher.received().size() == 5);
            assertThat(catcher.held()).isZero();
            send(port, "a@bank.example", "第三封");
            await().atMost(Duration.ofSeconds(20)).until(() -> catcher.received().size() == 6);
            assertThat(catcher.received()).filteredOn(m -> m.subject().equals("第一封")).extracting(MailCatcher.Received::to)
                    .containsExactly("a@bank.example");
        } finally {
            catcher.stop();
        }
    }

    /** Mail arriving while the catcher takes it (the fault suite's thousands): each counted once, none lost. */
    @Test
    void mail_arriving_while_it_is_taken_is_counted_once() throws Exception {
        int port = freePort();
        MailCatcher catcher = MailCatcher.counting(port);
        var senders = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String subject = "第" + i + "封";
                sent.add(senders.submit(() -> send(port, "a@bank.example", subject)));
                if (i % 50 == 0) {
                    catcher.received(); // taking while others arrive
                }
            }
            for (var f : sent) {
                f.get();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> catcher.received().size() >= 400);
            assertThat(catcher.received()).extracting(MailCatcher.Received::subject).doesNotHaveDuplicates().hasSize(400);
            assertThat(catcher.held()).isZero();
        } finally {
            senders.shutdownNow();
            catcher.stop();
        }
    }

    private Stream<Path> emls() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList().stream();
        }
    }

    private static void send(int port, String to, String subject) {
        GreenMailUtil.sendTextEmail(to, "noreply@qingdan.example", subject, "正文", new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
