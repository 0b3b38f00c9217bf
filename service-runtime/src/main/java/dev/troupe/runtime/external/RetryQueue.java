package dev.troupe.runtime.external;

import dev.troupe.runtime.JsonSerde;
import dev.troupe.runtime.TimeKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Calls to one outside system, made from a processor. A call that fails for now is not retried in place —
 * that would hold up every record behind it in the partition — but parked in a state store under the time
 * of its next attempt; a wall-clock punctuator hands due calls back to the processor. The store is part of
 * the task's state, so parked calls survive a crash and move with the partition to another instance.
 *
 * <p>The punctuator runs only while calls are parked: every punctuation makes Streams commit the task, so a
 * punctuator ticking over an empty queue would cost every task a commit per commit interval for nothing. It
 * starts when a call is parked (or the processor starts) and stops on a tick that leaves the store empty.
 */
public final class RetryQueue {
    private static final Logger LOG = LoggerFactory.getLogger(RetryQueue.class);
    private static final Duration TICK = Duration.ofMillis(50);

    /** The outcome of one attempt: done, parked for a later one, or given up on (known not to be done). */
    public enum Attempt {
        SUCCEEDED,
        PARKED,
        GAVE_UP
    }

    private final ProcessorContext<?, ?> context;
    private final KeyValueStore<String, PendingCall> parked;
    private final RetryPolicy policy;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Counter succeeded;
    private final Counter failed;
    private final Counter gaveUp;
    /** Null until {@link #retryWhenDue}: until then nothing is handed back, and nothing ticks. */
    private Consumer<PendingCall> onDue;

    private Cancellable ticker;

    public RetryQueue(
            ProcessorContext<?, ?> context, String storeName, String system, RetryPolicy policy, MeterRegistry meters) {
        this.context = context;
        this.parked = context.getStateStore(storeName);
        this.policy = policy;
        this.succeeded = outcomeCounter(meters, system, "succeeded");
        this.failed = outcomeCounter(meters, system, "failed");
        this.gaveUp = outcomeCounter(meters, system, "gave_up");
    }

    /**
     * Hands each parked call back once it is due, from when the processor is initialised.
     *
     * @param onDue runs the call again, through {@link #attempt}
     */
    public void retryWhenDue(Consumer<PendingCall> onDue) {
        this.onDue = onDue;
        startTicking(); // calls parked before a restart
    }

    public static StoreBuilder<KeyValueStore<String, PendingCall>> store(String name) {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(name), Serdes.String(), new JsonSerde<>(PendingCall.class));
    }

    /**
     * Makes one attempt at a call that undoes or reports (a refund, a cancellation, an e-mail): it has no business
     * outcome to give up to, so if it fails for now it is parked for a later attempt, until it succeeds.
     */
    public Attempt attempt(PendingCall call, Runnable action) {
        return attempt(call, action, null);
    }

    /**
     * Makes one attempt at a saga step (a charge, a booking); if it fails for now, the call is parked for a later
     * attempt — until the next one would fall past the policy's bound. A failed call may still have been carried
     * out, its answer lost or its success erased by a crash before the commit, so the queue does not give up
     * then: it asks {@code wasDone} instead, now and from then on in place of the call, until that is answered.
     * Done is success; not done is giving up, and the step fails as a business outcome.
     */
    public Attempt attemptOrGiveUp(PendingCall call, Runnable action, BooleanSupplier wasDone) {
        return attempt(call, action, wasDone);
    }

    private Attempt attempt(PendingCall call, Runnable action, BooleanSupplier wasDone) {
        try {
            if (call.lookingUp()) {
                return lookedUp(call, wasDone.getAsBoolean());
            }
            action.run();
            succeeded.increment();
            return Attempt.SUCCEEDED;
        } catch (TransientFailureException e) {
            failed.increment();
            long now = context.currentSystemTimeMs();
            PendingCall next = call.failedOnce();
            long dueAt = now + policy.backoffMillis(next.failedAttempts(), random);
            if (wasDone != null && !call.lookingUp() && policy.pastBound(call.firstAttemptAt(), dueAt)) {
                LOG.warn(
                        "{} for order {} still failing after {} attempts ({}); asking whether it was done",
                        call.step(),
                        call.orderId(),
                        next.failedAttempts(),
                        e.getMessage());
                return attempt(call.lookingUpFrom(now), action, wasDone);
            }
            LOG.info(
                    "{}{} for order {} failed (attempt {}), next attempt in {} ms: {}",
                    call.lookingUp() ? "Looking up " : "",
                    call.step(),
                    call.orderId(),
                    next.failedAttempts(),
                    dueAt - now,
                    e.getMessage());
            parked.put(TimeKeys.of(dueAt, next.idempotencyKey()), next);
            startTicking();
            return Attempt.PARKED;
        }
    }

    private Attempt lookedUp(PendingCall call, boolean done) {
        if (done) {
            LOG.info("{} for order {} was done after all", call.step(), call.orderId());
            succeeded.increment();
            return Attempt.SUCCEEDED;
        }
        LOG.warn("Giving up on {} for order {}: not done", call.step(), call.orderId());
        gaveUp.increment();
        return Attempt.GAVE_UP;
    }

    private void startTicking() {
        if (ticker == null && onDue != null) {
            ticker = context.schedule(TICK, PunctuationType.WALL_CLOCK_TIME, this::runDue);
        }
    }

    private void runDue(long now) {
        List<KeyValue<String, PendingCall>> due = new ArrayList<>();
        try (var entries = parked.range(TimeKeys.prefix(0), TimeKeys.prefix(now) + "\uffff")) {
            entries.forEachRemaining(due::add);
        }
        for (KeyValue<String, PendingCall> entry : due) {
            parked.delete(entry.key);
            MDC.put("orderId", entry.value.orderId());
            MDC.put("traceId", entry.value.traceId() == null ? "-" : entry.value.traceId());
            try {
                onDue.accept(entry.value);
            } finally {
                MDC.remove("orderId");
                MDC.remove("traceId");
            }
        }
        try (var left = parked.all()) {
            if (!left.hasNext()) {
                ticker.cancel();
                ticker = null;
            }
        }
    }

    private static Counter outcomeCounter(MeterRegistry meters, String system, String outcome) {
        return Counter.builder("troupe.external.calls")
                .description("Calls to systems outside Kafka, by outcome (failed = will be retried)")
                .tag("system", system)
                .tag("outcome", outcome)
                .register(meters);
    }
}
