package dev.troupe.cli.check;

import dev.troupe.events.NotificationSent;
import dev.troupe.notification.mail.FileOutboxMailer;
import dev.troupe.runtime.external.IdempotentLedger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What was done outside Kafka matches what the topics say was done: for every order, the simulated payment
 * gateway holds a charge exactly when {@code payment.completed} was published (and a refund exactly when
 * {@code payment.refunded} was), the carrier a booking and a cancellation exactly when the shipment events
 * were, and the outbox each e-mail exactly when its {@code notification.sent} was. A crash between the call
 * and the commit of its event must neither lose the event nor leave an effect without one.
 */
public final class OutsideSystemsCheck {
    /** Where the simulated systems keep their books. */
    public record Books(Path paymentGateway, Path carrier, Path outbox) {}

    private record Effect(String name, Set<String> keysOnTheBooks, String key, Predicate<ObservedEvent> publishedBy) {}

    private record Keys(Set<String> gateway, Set<String> carrier, Set<String> outbox) {
        static Keys of(Books books) {
            return new Keys(
                    IdempotentLedger.entries(books.paymentGateway()).keySet(),
                    IdempotentLedger.entries(books.carrier()).keySet(),
                    FileOutboxMailer.messages(books.outbox()).keySet());
        }
    }

    private OutsideSystemsCheck() {}

    public static List<Violation> check(Collection<ObservedEvent> events, Collection<String> orderIds, Books books) {
        Map<String, List<ObservedEvent>> byOrder =
                events.stream().collect(Collectors.groupingBy(ObservedEvent::orderId));
        Keys keys = Keys.of(books);
        List<Violation> violations = new ArrayList<>();
        for (String orderId : orderIds) {
            List<ObservedEvent> story = byOrder.getOrDefault(orderId, List.of());
            for (Effect effect : effects(keys, orderId)) {
                boolean published = story.stream().anyMatch(effect.publishedBy());
                boolean done = effect.keysOnTheBooks().contains(effect.key());
                if (published != done) {
                    violations.add(new Violation(
                            orderId,
                            "outside systems match the events",
                            published
                                    ? effect.name() + " published but " + effect.key() + " is not on the books"
                                    : effect.name() + " done (" + effect.key() + " on the books) but never published"));
                }
            }
        }
        return violations;
    }

    private static List<Effect> effects(Keys keys, String orderId) {
        return List.of(
                new Effect("charge", keys.gateway(), orderId + "-charge", on("payment.completed")),
                new Effect("refund", keys.gateway(), orderId + "-refund", on("payment.refunded")),
                new Effect("booking", keys.carrier(), orderId + "-book", on("shipment.created")),
                new Effect("carrier cancellation", keys.carrier(), orderId + "-cancel", on("shipment.cancelled")),
                new Effect(
                        "confirmation e-mail",
                        keys.outbox(),
                        orderId + "-order-confirmation",
                        sent("ORDER_CONFIRMATION")),
                new Effect(
                        "cancellation e-mail",
                        keys.outbox(),
                        orderId + "-order-cancellation",
                        sent("ORDER_CANCELLATION")));
    }

    private static Predicate<ObservedEvent> on(String topic) {
        return e -> e.topic().equals(topic);
    }

    private static Predicate<ObservedEvent> sent(String template) {
        return e ->
                e.event() instanceof NotificationSent sent && sent.getTemplate().equals(template);
    }
}
