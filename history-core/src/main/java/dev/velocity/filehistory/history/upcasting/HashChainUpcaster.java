package dev.velocity.filehistory.history.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 of a file event to revision 2, which added the hash chain: the stored JSON gains {@code previousHash}
 * and {@code eventHash}, both null, because a revision 1 event was stored without them. Readers that need its
 * hash compute it from the event's canonical form (EventHashes.chained, docs/audit.md).
 */
final class HashChainUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    HashChainUpcaster(Class<?> eventType) {
        this.from = new SimpleSerializedType(eventType.getName(), "1");
        this.to = new SimpleSerializedType(eventType.getName(), "2");
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, stored -> {
            ObjectNode event = ((ObjectNode) stored).deepCopy();
            event.putNull("previousHash");
            event.putNull("eventHash");
            return event;
        });
    }
}
