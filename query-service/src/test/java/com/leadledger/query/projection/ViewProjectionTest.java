package com.leadledger.query.projection;

import com.leadledger.events.opportunity.SupportReason;
import com.leadledger.events.registration.RegistrationSubmitted;
import com.leadledger.query.Fixtures;
import com.leadledger.query.registration.RegistrationView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of events projected at once leaves the rows that the same events projected one by one leave. */
class ViewProjectionTest {

    /** A table in memory that records what the projection asked of it. */
    static final class Table {
        final Map<String, RegistrationView> rows = new TreeMap<>();
        final List<List<String>> loads = new ArrayList<>();
        final List<Integer> writes = new ArrayList<>();
        final List<Integer> copies = new ArrayList<>();

        Map<String, RegistrationView> lockAll(List<String> ids) {
            loads.add(ids);
            Map<String, RegistrationView> found = new TreeMap<>();
            ids.stream().filter(rows::containsKey).forEach(id -> found.put(id, rows.get(id)));
            return found;
        }

        void saveAll(List<RegistrationView> views) {
            writes.add(views.size());
            views.forEach(view -> rows.put(view.registrationId(), view));
        }

        /** As COPY does: fails on a row the table holds. */
        void copyAll(List<RegistrationView> views) {
            copies.add(views.size());
            views.forEach(view -> {
                if (rows.putIfAbsent(view.registrationId(), view) != null) {
                    throw new IllegalStateException("duplicate key " + view.registrationId());
                }
            });
        }
    }

    static final class Registrations extends ViewProjection<RegistrationView> {
        Registrations(Table table) {
            super("registration_view", RegistrationView.PROJECTOR, table::lockAll, table::saveAll, table::copyAll);
        }
    }

    @Test
    void aBatchFoldsItsEventsInMemoryAndWritesEachChangedRowOnce() {
        List<Projector.Step> history = history();
        Table oneByOne = new Table();
        Registrations single = new Registrations(oneByOne);
        history.forEach(step -> single.project(step.event(), step.ref()));

        Table batched = new Table();
        Registrations batch = new Registrations(batched);
        batch.projectAll(history.subList(0, 4));
        batch.projectAll(history.subList(4, history.size()));

        assertThat(batched.rows).isEqualTo(oneByOne.rows).hasSize(3);
        assertThat(batched.loads).hasSize(2).allSatisfy(ids -> assertThat(ids).isSorted().doesNotHaveDuplicates());
        assertThat(batched.writes).hasSize(2);
        assertThat(batched.writes.stream().mapToInt(Integer::intValue).sum())
                .isLessThan(oneByOne.writes.stream().mapToInt(Integer::intValue).sum());
    }

    /**
     * A rebuild, the table's only writer, adds what the table does not hold with the copy and replaces only what it
     * holds; the rows are those the live projection leaves.
     */
    @Test
    void aReplayCopiesTheViewsItCreatesAndReplacesOnlyThoseStoredBefore() {
        List<Projector.Step> history = history();
        Table live = new Table();
        new Registrations(live).projectAll(history);

        Table replayed = new Table();
        Registrations replay = new Registrations(replayed);
        replay.replayAll(history.subList(0, 4));
        replay.replayAll(history.subList(4, history.size()));

        assertThat(replayed.rows).isEqualTo(live.rows).hasSize(3);
        assertThat(replayed.copies).as("the first batch creates two views, the second one").containsExactly(2, 1);
        assertThat(replayed.writes).as("the second batch changes the two views the first stored").containsExactly(2);
        assertThat(live.copies).as("the live projection never copies").isEmpty();
    }

    @Test
    void eventsOfViewsThatDoNotExistChangeNothing() {
        Fixtures.OpportunityStream other = new Fixtures.OpportunityStream("LICENSES");
        RegistrationSubmitted neverSeen = other.submit("P-GHOST");
        Table table = new Table();

        new Registrations(table).projectAll(List.of(step(other.approve(neverSeen, "5", 90), other)));

        assertThat(table.rows).isEmpty();
        assertThat(table.writes).isEmpty();
    }

    private static List<Projector.Step> history() {
        Fixtures.OpportunityStream stream = new Fixtures.OpportunityStream("LICENSES");
        List<Projector.Step> steps = new ArrayList<>();
        RegistrationSubmitted first = stream.submit("P-1");
        steps.add(step(first, stream));
        RegistrationSubmitted second = stream.submit("P-2");
        steps.add(step(second, stream));
        steps.add(step(stream.approve(first, "10", 90), stream));
        steps.add(step(stream.grantSupport(first), stream));
        RegistrationSubmitted third = stream.submit("P-3");
        steps.add(step(third, stream));
        steps.add(step(stream.moveSupport(first, second, SupportReason.CUSTOMER_WRITTEN_PREFERENCE, "ab".repeat(32)), stream));
        steps.add(step(stream.withdraw(third, "duplicate"), stream));
        return steps;
    }

    private static Projector.Step step(Object event, Fixtures.OpportunityStream stream) {
        var envelope = stream.last();
        return new Projector.Step(Fixtures.CODEC.payload(envelope).orElseThrow(), EventRef.of(envelope));
    }
}
