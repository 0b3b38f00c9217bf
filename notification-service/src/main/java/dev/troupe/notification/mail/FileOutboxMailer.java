package dev.troupe.notification.mail;

import dev.troupe.runtime.external.FileNames;
import dev.troupe.runtime.external.TransientFailureException;
import dev.troupe.runtime.external.WholeFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The default mailer: each message becomes one file {@code <idempotency key>.eml} in an outbox directory,
 * written whole or not at all; sending it again rewrites the same file.
 */
public final class FileOutboxMailer implements Mailer {
    private final Path outbox;

    public FileOutboxMailer(Path outbox) {
        this.outbox = outbox;
    }

    public Path outbox() {
        return outbox;
    }

    @Override
    public void send(Email email) {
        try {
            WholeFiles.write(outbox.resolve(fileName(email.idempotencyKey())), render(email));
        } catch (IOException e) {
            throw new TransientFailureException("Cannot write to the outbox " + outbox + ": " + e.getMessage(), e);
        }
    }

    static String fileName(String idempotencyKey) {
        return FileNames.of(idempotencyKey, ".eml");
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
