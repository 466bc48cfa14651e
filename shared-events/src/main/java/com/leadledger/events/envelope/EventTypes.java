package com.leadledger.events.envelope;

import com.leadledger.events.opportunity.OpportunityOpened;
import com.leadledger.events.policy.PolicyPublished;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.events.registration.RegistrationWithdrawn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The published event types, by the name used in {@link EventEnvelope#eventType()}. */
public final class EventTypes {

    private static final List<Class<? extends Record>> ALL = List.of(
            PolicyPublished.class,
            OpportunityOpened.class,
            RegistrationSubmitted.class,
            RegistrationWithdrawn.class);

    private static final Map<String, Class<? extends Record>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static Optional<Class<? extends Record>> classFor(String eventType) {
        return Optional.ofNullable(BY_NAME.get(eventType));
    }

    public static String nameOf(Class<?> eventClass) {
        return eventClass.getSimpleName();
    }

    public static List<Class<? extends Record>> all() {
        return ALL;
    }
}
