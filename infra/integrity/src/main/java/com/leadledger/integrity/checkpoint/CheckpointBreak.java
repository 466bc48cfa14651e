package com.leadledger.integrity.checkpoint;

/**
 * The first place where the events no longer match the checkpoints over them.
 *
 * @param kind        {@code CHECKPOINT_TAMPERED} (a checkpoint's fields no longer hash to its stored hash),
 *                    {@code CHECKPOINT_LINK_MISMATCH} (a checkpoint does not follow the one before it: number, range or
 *                    previous hash), {@code EVENT_MISSING} (a covered global index that was not a gap has no event),
 *                    {@code EVENT_INSERTED} (an event sits at an index the checkpoint recorded as a gap, or before
 *                    the first checkpoint), {@code ROOT_MISMATCH} (the range holds the right indexes but its events
 *                    hash to another Merkle root: an event's hash or index was rewritten)
 * @param globalIndex the global index concerned, or -1 when the break is about the whole checkpoint
 * @param eventId     the event at that index when there is one; {@code streamId} and {@code sequenceNumber} (-1 when
 *                    unknown) name it in its stream
 */
public record CheckpointBreak(long checkpoint, long firstIndex, long lastIndex, String kind, long globalIndex,
                              String eventId, String streamId, long sequenceNumber, String expected, String found) {

    public String describe() {
        StringBuilder text = new StringBuilder(kind).append(" in checkpoint #").append(checkpoint)
                .append(" (global index ").append(firstIndex).append("..").append(lastIndex).append(')');
        if (globalIndex >= 0) {
            text.append(" at global index ").append(globalIndex);
        }
        if (eventId != null) {
            text.append(" (event ").append(eventId).append(" of stream ").append(streamId).append(" at sequence ")
                    .append(sequenceNumber).append(')');
        }
        return text.append(": expected ").append(expected).append(", found ").append(found).toString();
    }
}
