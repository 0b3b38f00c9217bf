package dev.troupe.notification.mail;

/** Where e-mails go. Sending the same message twice must be harmless (see {@link Email}). */
public interface Mailer {
    /** Sends the message, or throws if it could not be handed over. */
    void send(Email email);
}
