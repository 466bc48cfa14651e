package com.leadledger.command.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;

/**
 * Stores the events of one commit with one multi-row {@code INSERT} instead of a batch of single-row ones: one
 * statement for PostgreSQL to execute and one firing of each statement-level trigger, the one that advances the stream
 * heads (migration V30) and the one that enqueues the events for the relay and the webhooks (V67). The columns and
 * their values are exactly those of Axon's own statement ({@link JdbcEventStorageEngineStatements#appendEvents}); rows
 * are inserted, given their global index and chained in list order, and a duplicate (aggregate, sequence) fails the
 * whole statement as it failed the batch.
 */
final class MultiRowEventInsert implements AppendEventsStatementBuilder {

    /** PostgreSQL's wire protocol takes at most 32,767 parameters per statement, 9 per event. */
    static final int MAX_ROWS = 3_000;
    private static final int COLUMNS = 9;

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        if (events.isEmpty() || events.size() > MAX_ROWS) {
            return JdbcEventStorageEngineStatements.appendEvents(connection, schema, dataType, events, serializer,
                    timestampWriter);
        }
        PreparedStatement statement = connection.prepareStatement(sql(schema, events.size()));
        int p = 0;
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            statement.setString(++p, event.getIdentifier());
            statement.setString(++p, event.getAggregateIdentifier());
            statement.setLong(++p, event.getSequenceNumber());
            statement.setString(++p, event.getType());
            timestampWriter.writeTimestamp(statement, ++p, event.getTimestamp());
            statement.setString(++p, payload.getType().getName());
            statement.setString(++p, payload.getType().getRevision());
            statement.setObject(++p, payload.getData());
            statement.setObject(++p, metaData.getData());
        }
        statement.addBatch();
        return statement;
    }

    private static String sql(EventSchema schema, int rows) {
        StringJoiner values = new StringJoiner(",");
        String row = "(" + "?,".repeat(COLUMNS - 1) + "?)";
        for (int i = 0; i < rows; i++) {
            values.add(row);
        }
        return "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") VALUES " + values;
    }

    /** As Axon's statement: an event that is not a domain event is stored without aggregate (sequence 0). */
    private static <T> DomainEventMessage<T> asDomainEvent(EventMessage<T> event) {
        if (event instanceof DomainEventMessage<T> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
