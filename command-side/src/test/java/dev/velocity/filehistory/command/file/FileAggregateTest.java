package dev.velocity.filehistory.command.file;

import static dev.velocity.filehistory.command.file.FileAggregateFixtures.FILE;
import static dev.velocity.filehistory.command.file.FileAggregateFixtures.PROJECT;
import static dev.velocity.filehistory.command.file.FileAggregateFixtures.V1;
import static dev.velocity.filehistory.command.file.FileAggregateFixtures.V2;
import static dev.velocity.filehistory.command.file.FileAggregateFixtures.V3;
import static dev.velocity.filehistory.command.file.FileAggregateFixtures.created;
import static dev.velocity.filehistory.command.file.FileAggregateFixtures.deleted;
import static dev.velocity.filehistory.command.file.FileAggregateFixtures.hash;
import static dev.velocity.filehistory.command.file.FileAggregateFixtures.moved;
import static dev.velocity.filehistory.command.file.FileAggregateFixtures.restoredOne;
import static dev.velocity.filehistory.command.file.FileAggregateFixtures.save;
import static dev.velocity.filehistory.command.file.FileAggregateFixtures.saved;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;

import dev.velocity.filehistory.api.CreateFileCommand;
import dev.velocity.filehistory.api.DeleteFileCommand;
import dev.velocity.filehistory.api.FileCreatedEvent;
import dev.velocity.filehistory.api.FileVersionSavedEvent;
import dev.velocity.filehistory.api.MoveFileCommand;
import dev.velocity.filehistory.api.RestoreFileCommand;
import dev.velocity.filehistory.api.FileEditedEvent;
import dev.velocity.filehistory.api.FileEvent;
import dev.velocity.filehistory.api.LineEdit;
import dev.velocity.filehistory.history.chain.CanonicalForm;
import dev.velocity.filehistory.history.chain.EventHashes;
import dev.velocity.filehistory.history.content.LineEdits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FileAggregateTest {

    private FixtureConfiguration<FileAggregate> fixture;

    /** The texts the store holds, by hash: what {@link BaseContent} rebuilds from the events in production. */
    private final Map<String, String> stored = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FileAggregate.class);
        fixture.registerInjectableResource((BaseContent) (fileId, version, contentHash) ->
                Optional.ofNullable(stored.get(contentHash)));
    }

    /** A source file of 200 lines, the kind an editor autosaves a few keystrokes at a time. */
    private String source(String... changedLines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append(i < changedLines.length ? changedLines[i] : "    const line" + i + " = compute(" + i + ");")
                    .append('\n');
        }
        String content = text.toString();
        stored.put(hash(content), content);
        return content;
    }

    /** The newest event hash of the history given so far: what the next event links to. */
    private String chainHead;

    /** The events as the aggregate stores them, in order: each linked to the one before by its hash. */
    private List<Object> history(FileEvent... drafts) {
        chainHead = null;
        List<Object> events = new ArrayList<>();
        for (FileEvent draft : drafts) {
            events.add(next(draft));
        }
        return events;
    }

    /** The event as the next link of the history given so far. */
    private <T extends FileEvent> T next(T draft) {
        T event = EventHashes.linked(draft, chainHead);
        chainHead = event.eventHash();
        return event;
    }

    @Test
    void createMakesVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new CreateFileCommand(FILE, PROJECT, "src/a.js", V1, hash(V1), 3, "javascript", null, "alice"))
                .expectEvents(next(created()))
                .expectResultMessagePayloadMatching(predicate(
                        (FileCommandResult view) -> view.version() == 1 && view.changed() && view.created()));
    }

    @Test
    void saveWithTheCurrentVersionAddsTheNextVersion() {
        fixture.given(history(created()))
                .when(save(V2, 1))
                .expectEvents(next(saved(2, V2)));
    }

    @Test
    void aFileWithoutTypeKeepsSavingWithoutOne() {
        fixture.given(history(new FileCreatedEvent(PROJECT, FILE, "src/a.js", 1, V1, hash(V1), 3, null, null,
                        "alice", null, null, null)))
                .when(save(V2, 1))
                .expectEvents(next(new FileVersionSavedEvent(PROJECT, FILE, "src/a.js", 2, V2, hash(V2), 3, null,
                        null, "bob", null, null, null)));
    }

    @Test
    void saveWithoutExpectedVersionAlwaysAddsTheNextVersion() {
        fixture.given(history(created(), saved(2, V2)))
                .when(save(V3, null))
                .expectEvents(next(saved(3, V3)));
    }

    @Test
    void everyEventLinksToTheHashOfTheEventBeforeIt() {
        List<Object> given = history(created(), saved(2, V2));
        String versionTwo = ((FileEvent) given.get(1)).eventHash();
        fixture.given(given)
                .when(save(V3, 2))
                .expectEventsMatching(exactSequenceOf(predicate((EventMessage<?> m) ->
                        m.getPayload() instanceof FileVersionSavedEvent saved
                                && versionTwo.equals(saved.previousHash())
                                && EventHashes.hashOf(saved, versionTwo, CanonicalForm.CONTENT_BY_HASH)
                                .equals(saved.eventHash()))));
    }

    @Test
    void eventsStoredBeforeTheChainLinkByTheHashesTheirFieldsGive() {
        String legacyOne = EventHashes.hashOf(created(), null, CanonicalForm.WITH_CONTENT);
        String legacyTwo = EventHashes.hashOf(saved(2, V2), legacyOne, CanonicalForm.WITH_CONTENT);
        fixture.given(created(), saved(2, V2))
                .when(save(V3, 2))
                .expectEvents(EventHashes.linked(saved(3, V3), legacyTwo));
    }

    @Test
    void staleExpectedVersionIsRejectedWithCurrentVersion() {
        fixture.given(history(created(), saved(2, V2)))
                .when(save(V3, 1))
                .expectNoEvents()
                .expectException(predicate((VersionConflictException conflict) -> conflict.currentVersion() == 2
                        && conflict.expectedVersion() == 1 && hash(V2).equals(conflict.currentContentHash())));
    }

    @Test
    void unchangedContentAddsNothingWhateverTheExpectedVersion() {
        fixture.given(history(created(), saved(2, V2)))
                .when(save(V2, 1))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(predicate(
                        (FileCommandResult view) -> !view.changed() && view.version() == 2));
    }

    @Test
    void moveAddsOneVersionAtTheNewPath() {
        fixture.given(history(created()))
                .when(new MoveFileCommand(FILE, "src/a.js", "lib/a.js", 1, null, "carol"))
                .expectEvents(next(moved(2)));
    }

    @Test
    void moveToItsOwnPathChangesNothing() {
        fixture.given(history(created()))
                .when(new MoveFileCommand(FILE, "src/a.js", "src/a.js", 1, null, "carol"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void moveWithStaleVersionIsRejected() {
        fixture.given(history(created(), saved(2, V2)))
                .when(new MoveFileCommand(FILE, "src/a.js", "lib/a.js", 1, null, "carol"))
                .expectNoEvents()
                .expectException(VersionConflictException.class);
    }

    @Test
    void deleteAddsADeletedVersion() {
        fixture.given(history(created()))
                .when(new DeleteFileCommand(FILE, "src/a.js", 1, null, "dave"))
                .expectEvents(next(deleted(2)));
    }

    @Test
    void deleteWithStaleVersionIsRejected() {
        fixture.given(history(created(), saved(2, V2)))
                .when(new DeleteFileCommand(FILE, "src/a.js", 1, null, "dave"))
                .expectNoEvents()
                .expectException(VersionConflictException.class);
    }

    @Test
    void saveToADeletedFileIsRejectedSoTheServiceCreatesANewFile() {
        fixture.given(history(created(), deleted(2)))
                .when(save(V2, null))
                .expectNoEvents()
                .expectException(FileNotAtPathException.class);
    }

    @Test
    void saveToAFileThatMovedAwayIsRejected() {
        fixture.given(history(created(), moved(2)))
                .when(save(V2, 2))
                .expectNoEvents()
                .expectException(FileNotAtPathException.class);
    }

    @Test
    void restoreAddsAVersionWithTheOldContent() {
        fixture.given(history(created(), saved(2, V2)))
                .when(new RestoreFileCommand(FILE, "src/a.js", 1, V1, hash(V1), 3, 2, "erin"))
                .expectEvents(next(restoredOne(3)));
    }

    @Test
    void restoreBringsADeletedFileBackEvenWithTheSameContent() {
        fixture.given(history(created(), deleted(2)))
                .when(new RestoreFileCommand(FILE, "src/a.js", 1, V1, hash(V1), 3, 2, "erin"))
                .expectEvents(next(restoredOne(3)));
    }

    @Test
    void restoringALiveFileToItsCurrentContentAddsNothing() {
        fixture.given(history(created(), saved(2, V2)))
                .when(new RestoreFileCommand(FILE, "src/a.js", 2, V2, hash(V2), 3, 1, "erin"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void restoreOfAVersionTheFileNeverHadIsRejected() {
        fixture.given(history(created()))
                .when(new RestoreFileCommand(FILE, "src/a.js", 5, V1, hash(V1), 3, null, "erin"))
                .expectNoEvents()
                .expectException(VersionNotFoundException.class);
    }

    @Test
    void restoreWithStaleVersionIsRejected() {
        fixture.given(history(created(), saved(2, V2), saved(3, V3)))
                .when(new RestoreFileCommand(FILE, "src/a.js", 1, V1, hash(V1), 3, 2, "erin"))
                .expectNoEvents()
                .expectException(VersionConflictException.class);
    }

    @Test
    void aSmallEditOfALargeTextIsStoredAsLineEditsThatRebuildIt() {
        String before = source();
        String after = source("// a comment typed at the top");
        List<LineEdit> edits = List.of(new LineEdit(0, 1, List.of("// a comment typed at the top")));
        fixture.given(history(created(before)))
                .when(save(after, 1))
                .expectEvents(next(new FileEditedEvent(PROJECT, FILE, "src/a.js", 2, edits,
                        EventHashes.editsHash(edits), hash(after), after.length(), "javascript", null, "bob", null,
                        null, null)))
                .expectEventsMatching(exactSequenceOf(predicate((EventMessage<?> m) ->
                        LineEdits.apply(before, ((FileEditedEvent) m.getPayload()).edits()).equals(after))));
    }

    @Test
    void aRewriteIsStoredInFull() {
        String before = source();
        StringBuilder rewrite = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            rewrite.append("entirely new line ").append(i).append('\n');
        }
        String after = rewrite.toString();
        fixture.given(history(created(before)))
                .when(save(after, 1))
                .expectEvents(next(saved(2, after)));
    }

    @Test
    void afterAHundredVersionsOfEditsTheNextSaveIsAFullKeyframe() {
        String text = source();
        List<FileEvent> drafts = new ArrayList<>();
        drafts.add(created(text));
        for (int version = 2; version < FileAggregate.MAX_EVENTS_AFTER_KEYFRAME + 1; version++) {
            String next = source("// edit " + version);
            List<LineEdit> edits = LineEdits.between(text, next).orElseThrow();
            drafts.add(new FileEditedEvent(PROJECT, FILE, "src/a.js", version, edits, EventHashes.editsHash(edits),
                    hash(next), next.length(), "javascript", null, "bob", null, null, null));
            text = next;
        }
        String last = source("// the edit that makes a keyframe");
        fixture.given(history(drafts.toArray(FileEvent[]::new)))
                .when(save(last, FileAggregate.MAX_EVENTS_AFTER_KEYFRAME))
                .expectEvents(next(saved(FileAggregate.MAX_EVENTS_AFTER_KEYFRAME + 1, last)));
    }
}
