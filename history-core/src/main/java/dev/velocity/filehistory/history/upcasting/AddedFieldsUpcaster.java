package dev.velocity.filehistory.history.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * One revision step of an event that only added fields: the stored JSON gains each added field as null, because
 * the older revision was stored without it. A null is left out of an event's canonical form, so the upcast event
 * hashes as it was written (docs/audit.md); readers that need a value for an added field say what null means.
 */
final class AddedFieldsUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final List<String> addedFields;

    AddedFieldsUpcaster(Class<?> eventType, int fromRevision, String... addedFields) {
        this.from = new SimpleSerializedType(eventType.getName(), String.valueOf(fromRevision));
        this.to = new SimpleSerializedType(eventType.getName(), String.valueOf(fromRevision + 1));
        this.addedFields = List.of(addedFields);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, stored -> {
            ObjectNode event = ((ObjectNode) stored).deepCopy();
            addedFields.forEach(event::putNull);
            return event;
        });
    }
}
