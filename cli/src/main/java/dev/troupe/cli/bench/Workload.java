package dev.troupe.cli.bench;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What one side of the bench sends and where it sees each unit of work end. */
interface Workload {
    /** The name in reports: {@code limit} or {@code troupe}. */
    String name();

    String inputTopic();

    /** The value of the i-th unit, keyed {@code key}. */
    byte[] value(int i, String key);

    /** The topics on which a unit ends. */
    List<String> endTopics();

    /** How a unit ended, from the record that ended it (empty: this record is not an end). */
    Optional<String> outcome(ConsumerRecord<String, byte[]> end);

    /** The topics whose records count as the events of the work. */
    List<String> eventTopics();

    /** The processes that do the work, by name, whose CPU time is its cost. */
    List<String> processes();
}
