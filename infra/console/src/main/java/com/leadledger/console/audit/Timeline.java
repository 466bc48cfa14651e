package com.leadledger.console.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instants at which an opportunity's stream changed, oldest first: the stops of the time slider. Events stored
 * at the same instant make one stop.
 */
public record Timeline(List<Stop> stops) {

    /** One instant of the stream and the events stored at it. */
    public record Stop(int index, Instant at, List<String> eventTypes) {

        public Stop {
            eventTypes = List.copyOf(eventTypes);
        }

        public String eventList() {
            return String.join(", ", eventTypes);
        }
    }

    public Timeline {
        stops = List.copyOf(stops);
    }

    static Timeline of(List<TrailEvent> events) {
        Map<Instant, List<String>> byInstant = new TreeMap<>();
        for (TrailEvent event : events) {
            byInstant.computeIfAbsent(event.timestamp(), at -> new ArrayList<>()).add(event.eventType());
        }
        List<Stop> stops = new ArrayList<>();
        byInstant.forEach((at, types) -> stops.add(new Stop(stops.size(), at, types)));
        return new Timeline(stops);
    }

    public boolean isEmpty() {
        return stops.isEmpty();
    }

    public int last() {
        return stops.size() - 1;
    }

    /**
     * The stop to show: the one asked for by index, else the last one at or before {@code asOf}, else the latest.
     * An index outside the timeline or an instant before its start is {@code -1}.
     */
    int select(Integer step, Instant asOf) {
        if (step != null) {
            return step >= 0 && step < stops.size() ? step : -1;
        }
        if (asOf == null) {
            return last();
        }
        int selected = -1;
        for (Stop stop : stops) {
            if (!stop.at().isAfter(asOf)) {
                selected = stop.index();
            }
        }
        return selected;
    }
}
