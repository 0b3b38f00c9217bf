package dev.troupe.notification.mail;

import dev.troupe.runtime.external.TransientFailureException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends through an SMTP server. The Message-ID is derived from the idempotency key, so a message sent again
 * after a crash is the same message to the receiving side.
 */
public final class SmtpMailer implements Mailer {
    private final Session session;
    private final String from;

    public SmtpMailer(String host, int port, String from) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        // A stuck mail server must not hold up a stream thread for long.
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        this.session = Session.getInstance(props);
        this.from = from;
    }

    @Override
    public void send(Email email) {
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + email.idempotencyKey() + "@troupe>");
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to()));
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            message.setText(email.body(), StandardCharsets.UTF_8.name());
            Transport.send(message);
        } catch (SendFailedException e) {
            // The server refused the addresses: sending again will not help.
            throw new IllegalStateException("SMTP server refused " + email.idempotencyKey() + ": " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new TransientFailureException(
                    "SMTP delivery of " + email.idempotencyKey() + " failed: " + e.getMessage(), e);
        }
    }
}
