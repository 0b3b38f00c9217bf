package dev.troupe.notification.mail;

import dev.troupe.runtime.external.SimulatedFaults;

/**
 * A mail server that fails, loses answers and slows down as told ({@code MAIL_FAULT_RATE},
 * {@code MAIL_LOST_ANSWER_RATE}, {@code MAIL_LATENCY}).
 */
public final class UnreliableMailer implements Mailer {
    private final Mailer mailer;
    private final SimulatedFaults faults;

    public UnreliableMailer(Mailer mailer, SimulatedFaults faults) {
        this.mailer = mailer;
        this.faults = faults;
    }

    @Override
    public void send(Email email) {
        faults.perform("message " + email.idempotencyKey(), () -> mailer.send(email));
    }
}
