package dev.velocity.filehistory.history.upcasting;

import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileDeletedEvent;
import dev.velocity.filehistory.api.FileMovedEvent;
import dev.velocity.filehistory.api.FileRestoredEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every older shape of every stored event keeps reading: one upcaster per event and revision step, which Axon
 * chains in the event store (docs/events.md says how to add the next one).
 */
@Configuration
class EventUpcasters {

    @Bean
    EventUpcaster fileCreatedRevision1To2() {
        return new HashChainUpcaster(FileCreatedEvent.class);
    }

    @Bean
    EventUpcaster fileVersionSavedRevision1To2() {
        return new HashChainUpcaster(FileVersionSavedEvent.class);
    }

    @Bean
    EventUpcaster fileMovedRevision1To2() {
        return new HashChainUpcaster(FileMovedEvent.class);
    }

    @Bean
    EventUpcaster fileDeletedRevision1To2() {
        return new HashChainUpcaster(FileDeletedEvent.class);
    }

    @Bean
    EventUpcaster fileRestoredRevision1To2() {
        return new HashChainUpcaster(FileRestoredEvent.class);
    }
}
