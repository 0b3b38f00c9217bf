package dev.troupe.notification.mail;

import dev.troupe.runtime.external.AppendOnlyBook;
import dev.troupe.runtime.external.TransientFailureException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The default mailer: an outbox directory whose books hold each message, under its idempotency key, as the
 * text of an e-mail ({@code .eml}); a message sent again is the same message, and the outbox keeps it once.
 */
public final class FileOutboxMailer implements Mailer {
    private final AppendOnlyBook book;

    public FileOutboxMailer(Path outbox) {
        this.book = new AppendOnlyBook(outbox);
    }

    @Override
    public void send(Email email) {
        try {
            book.append(email.idempotencyKey(), render(email));
        } catch (IOException e) {
            throw new TransientFailureException(
                    "Cannot write to the outbox " + book.directory() + ": " + e.getMessage(), e);
        }
    }

    /** Every message in the outbox, by idempotency key. */
    public static Map<String, String> messages(Path outbox) {
        return AppendOnlyBook.read(outbox);
    }

    private static String render(Email email) {
        return "Message-ID: <" + email.idempotencyKey() + "@troupe>\r\n"
                + "To: " + email.to() + "\r\n"
                + "Subject: " + email.subject() + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + email.body();
    }
}
