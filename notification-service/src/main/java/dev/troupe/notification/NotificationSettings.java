package dev.troupe.notification;

import dev.troupe.notification.mail.FileOutboxMailer;
import dev.troupe.notification.mail.Mailer;
import dev.troupe.notification.mail.SmtpMailer;
import dev.troupe.notification.mail.UnreliableMailer;
import dev.troupe.runtime.Env;
import dev.troupe.runtime.InvalidSettingException;
import dev.troupe.runtime.external.RetryPolicy;
import dev.troupe.runtime.external.SimulatedFaults;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The notification service's settings: {@code MAIL_TRANSPORT} ({@code file}, the default, or {@code smtp});
 * {@code MAIL_OUTBOX} (default {@code /tmp/troupe/outbox}); {@code SMTP_HOST}, {@code SMTP_PORT} (25),
 * {@code MAIL_FROM}; {@code NOTIFICATION_REFUND_WAIT}, how long a cancellation waits for its refund (PT5S);
 * simulated mail-server faults {@code MAIL_FAULT_RATE}, {@code MAIL_LOST_ANSWER_RATE}, {@code MAIL_LATENCY}; the
 * {@code RETRY_*} policy.
 */
public record NotificationSettings(Mailer mailer, Duration refundWait, RetryPolicy retryPolicy) {
    public static NotificationSettings fromEnv(Env env) {
        String transport = env.string("MAIL_TRANSPORT", "file");
        Mailer mailer = switch (transport) {
            case "file" ->
                new FileOutboxMailer(Path.of(env.string(
                        "MAIL_OUTBOX",
                        Path.of(System.getProperty("java.io.tmpdir"), "troupe", "outbox")
                                .toString())));
            case "smtp" ->
                new SmtpMailer(
                        env.string("SMTP_HOST", "localhost"),
                        env.integer("SMTP_PORT", 25, 1, 65535),
                        env.string("MAIL_FROM", "orders@troupe.dev"));
            default -> throw new InvalidSettingException("MAIL_TRANSPORT", transport, "file or smtp");
        };
        SimulatedFaults faults = SimulatedFaults.fromEnv(env, "MAIL", "mail");
        if (!faults.isNone()) {
            mailer = new UnreliableMailer(mailer, faults);
        }
        return new NotificationSettings(
                mailer, env.duration("NOTIFICATION_REFUND_WAIT", Duration.ofSeconds(5)), RetryPolicy.fromEnv(env));
    }
}
