package dev.troupe.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void readsTheTraceAndSpanOfAVersion00Traceparent() {
        assertThat(TraceContext.parse("00-" + TRACE + "-" + SPAN + "-01")).contains(new TraceContext(TRACE, SPAN));
        assertThat(TraceContext.parse("  00-" + TRACE + "-" + SPAN + "-00\n")).contains(new TraceContext(TRACE, SPAN));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
                "00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902bg-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0x",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7.01"
            })
    void anythingElseIsNoTraceparent(String text) {
        assertThat(TraceContext.parse(text)).isEmpty();
    }

    @Test
    void aSpanWrittenToHeadersIsReadBackFromThem() {
        RecordHeaders headers = new RecordHeaders();
        new TraceContext(TRACE, SPAN).writeTo(headers, "b7ad6b7169203331");

        assertThat(TraceContext.from(headers)).contains(new TraceContext(TRACE, SPAN));
        assertThat(new String(headers.lastHeader(TraceContext.TRACESTATE).value(), StandardCharsets.UTF_8))
                .isEqualTo("troupe=b7ad6b7169203331");
        assertThat(TraceContext.from(new RecordHeaders())).isEmpty();
    }
}
