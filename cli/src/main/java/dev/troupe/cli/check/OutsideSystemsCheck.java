package dev.troupe.cli.check;

import dev.troupe.events.NotificationSent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    private record Effect(String name, Path file, Predicate<ObservedEvent> publishedBy) {}

    private OutsideSystemsCheck() {}

    public static List<Violation> check(Collection<ObservedEvent> events, Collection<String> orderIds, Books books) {
        Map<String, List<ObservedEvent>> byOrder =
                events.stream().collect(Collectors.groupingBy(ObservedEvent::orderId));
        List<Violation> violations = new ArrayList<>();
        for (String orderId : orderIds) {
            List<ObservedEvent> story = byOrder.getOrDefault(orderId, List.of());
            for (Effect effect : effects(books, orderId)) {
                boolean published = story.stream().anyMatch(effect.publishedBy());
                boolean done = Files.exists(effect.file());
                if (published != done) {
                    violations.add(new Violation(
                            orderId,
                            "outside systems match the events",
                            published
                                    ? effect.name() + " published but not found at " + effect.file()
                                    : effect.name() + " done at " + effect.file() + " but never published"));
                }
            }
        }
        return violations;
    }

    private static List<Effect> effects(Books books, String orderId) {
        return List.of(
                new Effect(
                        "charge", books.paymentGateway().resolve(orderId + "-charge.entry"), on("payment.completed")),
                new Effect("refund", books.paymentGateway().resolve(orderId + "-refund.entry"), on("payment.refunded")),
                new Effect("booking", books.carrier().resolve(orderId + "-book.entry"), on("shipment.created")),
                new Effect(
                        "carrier cancellation",
                        books.carrier().resolve(orderId + "-cancel.entry"),
                        on("shipment.cancelled")),
                new Effect(
                        "confirmation e-mail",
                        books.outbox().resolve(orderId + "-order-confirmation.eml"),
                        sent("ORDER_CONFIRMATION")),
                new Effect(
                        "cancellation e-mail",
                        books.outbox().resolve(orderId + "-order-cancellation.eml"),
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
