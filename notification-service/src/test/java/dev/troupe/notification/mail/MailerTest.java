package dev.troupe.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MailerTest {
    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final Email MESSAGE =
            new Email("o-1-order-confirmation", "ada@example.com", "Shipped", "Your order shipped.");

    @Test
    void theOutboxKeepsEachMessageOnceHoweverOftenItIsSent(@TempDir Path outbox) {
        FileOutboxMailer mailer = new FileOutboxMailer(outbox);

        mailer.send(MESSAGE);
        mailer.send(MESSAGE);
        new FileOutboxMailer(outbox).send(MESSAGE);

        assertThat(FileOutboxMailer.messages(outbox)).containsOnlyKeys("o-1-order-confirmation");
        assertThat(FileOutboxMailer.messages(outbox).get("o-1-order-confirmation"))
                .contains("To: ada@example.com", "Message-ID: <o-1-order-confirmation@troupe>", "Your order shipped.");
    }

    @Test
    void smtpDeliversTheMessageWithItsIdempotentMessageId() throws Exception {
        new SmtpMailer("127.0.0.1", SMTP.getSmtp().getPort(), "orders@troupe.dev").send(MESSAGE);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getMessageID()).isEqualTo("<o-1-order-confirmation@troupe>");
        assertThat(received[0].getSubject()).isEqualTo("Shipped");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
    }
}
