package com.leadledger.command.config;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

import java.util.Map;

/**
 * Reads objects stored under a class name that has since moved (deadline payloads persisted by db-scheduler name
 * their class), and writes everything as the delegate does.
 */
final class RenamedTypesSerializer implements Serializer {

    /** Deadline payloads that moved when the command side was cut into slices. */
    static final Map<String, String> MOVED_DEADLINE_PAYLOADS = Map.of(
            "com.leadledger.command.opportunity.ReviewDeadline", "com.leadledger.command.registration.ReviewDeadline",
            "com.leadledger.command.opportunity.ProtectionDeadline",
            "com.leadledger.command.registration.ProtectionDeadline");

    private final Serializer delegate;
    private final Map<String, String> movedTypes;

    RenamedTypesSerializer(Serializer delegate, Map<String, String> movedTypes) {
        this.delegate = delegate;
        this.movedTypes = Map.copyOf(movedTypes);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        SerializedType type = serializedObject.getType();
        SerializedType current = current(type);
        return current == type ? delegate.deserialize(serializedObject)
                : delegate.deserialize(new SimpleSerializedObject<>(serializedObject.getData(),
                serializedObject.getContentType(), current));
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(current(type));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private SerializedType current(SerializedType type) {
        String moved = movedTypes.get(type.getName());
        return moved == null ? type : new SimpleSerializedType(moved, type.getRevision());
    }
}
