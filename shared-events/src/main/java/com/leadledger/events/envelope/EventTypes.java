package com.leadledger.events.envelope;

import com.leadledger.events.LeadLedgerEvent;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The published event types, by the name used in {@link EventEnvelope#eventType()} (the record's simple name). The
 * list is read from the sealed {@link LeadLedgerEvent} hierarchy, so a new event record is registered by implementing
 * its context's interface.
 */
public final class EventTypes {

    private static final List<Class<? extends LeadLedgerEvent>> ALL = recordsBelow(LeadLedgerEvent.class).toList();

    private static final Map<String, Class<? extends LeadLedgerEvent>> BY_NAME = byName(ALL);

    private EventTypes() {
    }

    public static Optional<Class<? extends LeadLedgerEvent>> classFor(String eventType) {
        return Optional.ofNullable(BY_NAME.get(eventType));
    }

    public static String nameOf(Class<?> eventClass) {
        return eventClass.getSimpleName();
    }

    /** Every event record, context by context in the order the {@code permits} clauses name them. */
    public static List<Class<? extends LeadLedgerEvent>> all() {
        return ALL;
    }

    private static Stream<Class<? extends LeadLedgerEvent>> recordsBelow(Class<? extends LeadLedgerEvent> type) {
        if (type.isRecord()) {
            return Stream.of(type);
        }
        if (!type.isSealed()) {
            throw new IllegalStateException(type.getName() + " is neither an event record nor sealed: the event "
                    + "types below it cannot be known");
        }
        return Arrays.stream(type.getPermittedSubclasses())
                .flatMap(permitted -> recordsBelow(permitted.asSubclass(LeadLedgerEvent.class)));
    }

    private static Map<String, Class<? extends LeadLedgerEvent>> byName(List<Class<? extends LeadLedgerEvent>> all) {
        Map<String, Class<? extends LeadLedgerEvent>> byName = new LinkedHashMap<>();
        for (Class<? extends LeadLedgerEvent> type : all) {
            Class<?> other = byName.putIfAbsent(nameOf(type), type);
            if (other != null) {
                throw new IllegalStateException("two event types are named " + nameOf(type) + ": " + other.getName()
                        + " and " + type.getName());
            }
        }
        return Map.copyOf(byName);
    }
}
