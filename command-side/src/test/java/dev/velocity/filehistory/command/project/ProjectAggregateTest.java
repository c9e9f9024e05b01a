package dev.velocity.filehistory.command.project;

import dev.velocity.filehistory.api.CreateProjectCommand;
import dev.velocity.filehistory.api.ProjectCreatedEvent;
import dev.velocity.filehistory.history.chain.CanonicalForm;
import dev.velocity.filehistory.history.chain.EventHashes;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectAggregateTest {

    private static final String PROJECT = "8d3c2a54-5a0e-4f7e-9d3c-0c6a4a1f0b11";

    private FixtureConfiguration<ProjectAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProjectAggregate.class);
    }

    @Test
    void creatingAProjectStartsItsOwnChainWithTheCreatedEvent() {
        ProjectCreatedEvent draft = new ProjectCreatedEvent(PROJECT, "demo", "alice", null, null);
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(PROJECT, "demo", "alice"))
                .expectEvents(draft.withChain(null, EventHashes.hashOf(draft, null, CanonicalForm.CONTENT_BY_HASH)));
    }
}
