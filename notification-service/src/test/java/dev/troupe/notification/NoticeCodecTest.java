package dev.troupe.notification;

import static dev.troupe.runtime.TaggedValues.readFromJson;
import static dev.troupe.runtime.TaggedValues.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.notification.domain.Notice;
import dev.troupe.runtime.TaggedSerde;
import org.junit.jupiter.api.Test;

class NoticeCodecTest {
    private final TaggedSerde<Notice> serde = new TaggedSerde<>(Notice.class, new NoticeCodec());

    @Test
    void aNoticeReadsBackWithEveryField() {
        Notice notice = refundedAfterCancelling();
        assertThat(notice).hasNoNullFieldsOrProperties();

        assertThat(roundTrip(serde, notice)).usingRecursiveComparison().isEqualTo(notice);
    }

    @Test
    void noRefundSeenStaysApartFromARefundOfNothing() {
        Notice none = new Notice("order-1");
        Notice nothing = new Notice("order-2");
        nothing.refundedCents = 0L;

        assertThat(roundTrip(serde, none).refundedCents).isNull();
        assertThat(roundTrip(serde, nothing).refundedCents).isZero();
    }

    @Test
    void aNoticeStoredAsJsonByAnEarlierVersionReadsTheSame() {
        Notice notice = refundedAfterCancelling();
        assertThat(readFromJson(serde, Notice.class, notice))
                .usingRecursiveComparison()
                .isEqualTo(notice);
    }

    private static Notice refundedAfterCancelling() {
        Notice notice = new Notice("order-1");
        notice.email = "ada@example.com";
        notice.traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        notice.shipmentEventId = "event-4";
        notice.carrier = "DHL";
        notice.trackingNumber = "TRK-1";
        notice.confirmationSent = true;
        notice.cancelEventId = "event-6";
        notice.cancelReason = "CANCELLED";
        notice.cancelMessage = "Your order was cancelled";
        notice.cancellationDueAt = 1_765_000_000_000L;
        notice.cancellationSent = true;
        notice.refundedCents = 12_345L;
        notice.refundCurrency = "EUR";
        return notice;
    }
}
