package dev.velocity.filehistory.history.upcasting;

import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Every older shape of every stored event keeps reading: one upcaster per event and revision step, which Axon
 * chains in the event store, so a revision 1 row passes 1→2, then 2→3 (docs/events.md says how to add the next).
 * Axon chains the upcaster beans by their {@code @Order} and in no defined order among equals, so each step is
 * ordered by the revision it starts from.
 * Revision 2 of the file events added the hash chain; revision 3 (2 of {@link FileEditedEvent}) the operation
 * and, for canonical form 2, the hash of the line edits.
 */
@Configuration
class EventUpcasters {

    private static final String[] HASH_CHAIN = {"previousHash", "eventHash"};
    private static final String OPERATION = "operationId";

    @Bean
    @Order(1)
    EventUpcaster fileCreatedRevision1To2() {
        return new AddedFieldsUpcaster(FileCreatedEvent.class, 1, HASH_CHAIN);
    }

    @Bean
    @Order(2)
    EventUpcaster fileCreatedRevision2To3() {
        return new AddedFieldsUpcaster(FileCreatedEvent.class, 2, OPERATION);
    }

    @Bean
    @Order(1)
    EventUpcaster fileVersionSavedRevision1To2() {
        return new AddedFieldsUpcaster(FileVersionSavedEvent.class, 1, HASH_CHAIN);
    }

    @Bean
    @Order(2)
    EventUpcaster fileVersionSavedRevision2To3() {
        return new AddedFieldsUpcaster(FileVersionSavedEvent.class, 2, OPERATION);
    }

    @Bean
    @Order(1)
    EventUpcaster fileEditedRevision1To2() {
        return new AddedFieldsUpcaster(FileEditedEvent.class, 1, OPERATION, "editsHash");
    }

    @Bean
    @Order(1)
    EventUpcaster fileMovedRevision1To2() {
        return new AddedFieldsUpcaster(FileMovedEvent.class, 1, HASH_CHAIN);
    }

    @Bean
    @Order(2)
    EventUpcaster fileMovedRevision2To3() {
        return new AddedFieldsUpcaster(FileMovedEvent.class, 2, OPERATION);
    }

    @Bean
    @Order(1)
    EventUpcaster fileDeletedRevision1To2() {
        return new AddedFieldsUpcaster(FileDeletedEvent.class, 1, HASH_CHAIN);
    }

    @Bean
    @Order(2)
    EventUpcaster fileDeletedRevision2To3() {
        return new AddedFieldsUpcaster(FileDeletedEvent.class, 2, OPERATION);
    }

    @Bean
    @Order(1)
    EventUpcaster fileRestoredRevision1To2() {
        return new AddedFieldsUpcaster(FileRestoredEvent.class, 1, HASH_CHAIN);
    }

    @Bean
    @Order(2)
    EventUpcaster fileRestoredRevision2To3() {
        return new AddedFieldsUpcaster(FileRestoredEvent.class, 2, "message", OPERATION);
    }
}
