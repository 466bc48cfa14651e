package com.leadledger.console.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final Timeline timeline = Timeline.of(List.of(
            new TrailEvent("e1", "OpportunityOpened", 1, T0),
            new TrailEvent("e2", "RegistrationSubmitted", 2, T0),
            new TrailEvent("e3", "RegistrationSubmitted", 5, T0.plusSeconds(60)),
            new TrailEvent("e4", "RegistrationApproved", 9, T0.plusSeconds(120))));

    @Test
    void eventsStoredAtOneInstantMakeOneStopOldestFirst() {
        assertThat(timeline.stops()).extracting(Timeline.Stop::at)
                .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
        assertThat(timeline.stops().get(0).eventList()).isEqualTo("OpportunityOpened, RegistrationSubmitted");
        assertThat(timeline.stops()).extracting(Timeline.Stop::index).containsExactly(0, 1, 2);
        assertThat(timeline.last()).isEqualTo(2);
    }

    @Test
    void theStopShownIsTheOneAskedForElseTheLastAtOrBeforeTheInstantElseTheLatest() {
        assertThat(timeline.select(1, null)).isEqualTo(1);
        assertThat(timeline.select(1, T0.plusSeconds(500))).as("the step wins").isEqualTo(1);
        assertThat(timeline.select(3, null)).as("outside the timeline").isEqualTo(-1);
        assertThat(timeline.select(-1, null)).isEqualTo(-1);
        assertThat(timeline.select(null, T0.plusSeconds(119))).isEqualTo(1);
        assertThat(timeline.select(null, T0.plusSeconds(120))).isEqualTo(2);
        assertThat(timeline.select(null, T0.minusMillis(1))).as("before the opportunity existed").isEqualTo(-1);
        assertThat(timeline.select(null, null)).isEqualTo(2);
    }

    @Test
    void anEmptyTrailHasNoStop() {
        Timeline empty = Timeline.of(List.of());
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.select(null, null)).isEqualTo(-1);
    }
}
