#!/usr/bin/env python3
"""Usage: verify-export.py EXPORT.ndjson  (GET /api/projects/{id}/events, every page, concatenated; docs/audit.md)
Rebuilds each version's content from full texts and line edits and checks its contentHash (and, in canonical
form 2, the editsHash of the line edits), recomputes every eventHash in the canonical form of its revision and every
chain link (of each file and of the project's own stream), checks that versions are gap-free, prints the project
head. Standard library only.
Exit code: 0 when everything holds, 1 when a problem was found (each printed), 2 on bad usage."""
import hashlib, json, sys

FULL_TEXT = {"FileCreatedEvent", "FileVersionSavedEvent", "FileRestoredEvent"}
# The newest revision of each event hashed in canonical form 1 (content and edits inside); later revisions, and
# every other event, are hashed in form 2 (without them: contentHash and editsHash pin them).
LAST_FORM_1_REVISION = {"FileCreatedEvent": 2, "FileVersionSavedEvent": 2, "FileMovedEvent": 2,
                        "FileDeletedEvent": 2, "FileRestoredEvent": 2, "FileEditedEvent": 1}

def sha256(text):
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()

def without_nulls(value):
    if isinstance(value, dict):
        return {key: without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [without_nulls(item) for item in value]
    return value

def canonical(value):
    return json.dumps(without_nulls(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)

def canonical_form(kind, revision):
    try:
        number = int(revision) if revision is not None else 1
    except ValueError:
        return 2
    return 1 if number <= LAST_FORM_1_REVISION.get(kind, 0) else 2

def may_predate_chain(kind, revision):
    return kind in LAST_FORM_1_REVISION and kind != "FileEditedEvent" and revision in (None, "1")

def event_hash(kind, payload, previous_hash, form):
    left_out = ("eventHash", "previousHash") + (("content", "edits") if form == 2 else ())
    fields = {key: item for key, item in payload.items() if key not in left_out}
    fields.update(type=kind, previousHash=previous_hash)
    return sha256(canonical(fields))

def apply_edits(text, edits):
    lines, result, next_line = text.split("\n"), [], 0
    for edit in edits:
        if edit["at"] < next_line or edit["at"] + edit["delete"] > len(lines):
            raise ValueError("line edit at line %d does not fit the previous content" % edit["at"])
        result += lines[next_line:edit["at"]] + edit["insert"]
        next_line = edit["at"] + edit["delete"]
    return "\n".join(result + lines[next_line:])

def check_link(stream_id, entry, event, chain, chained, problem):
    """Checks one event's link and hash; answers the chain's new head and whether the chain has begun."""
    kind, payload, revision = event["type"], event["payload"], event.get("revision")
    if payload.get("eventHash"):
        if payload.get("previousHash") != chain:
            problem(stream_id, entry, "previousHash is not the eventHash of the event before")
        if event_hash(kind, payload, payload.get("previousHash"), canonical_form(kind, revision)) != payload["eventHash"]:
            problem(stream_id, entry, "eventHash does not match the event's fields")
        return payload["eventHash"], True
    if chained:
        problem(stream_id, entry, "no eventHash, though an event before it has one")
    elif not may_predate_chain(kind, revision):
        problem(stream_id, entry, "no eventHash, though revision %s of %s always has one" % (revision, kind))
    return event_hash(kind, payload, chain, 1), chained

def in_sequence(stream_id, unit, events, problem):
    """The stream's events in sequence order; reports the sequence numbers missing before each."""
    expected = 0
    for event in sorted(events, key=lambda e: e["sequenceNumber"]):
        sequence = event["sequenceNumber"]
        if sequence != expected:
            problem(stream_id, expected + 1, "%ss %d to %d are missing" % (unit, expected + 1, sequence))
        expected = sequence + 1
        yield event

def verify_project_stream(project_id, events, problem):
    """Checks the project's own stream (its aggregateId is the project id); answers the hash of its newest event."""
    chain, chained = None, False
    for event in in_sequence(project_id, "event", events, problem):
        entry = event["sequenceNumber"] + 1
        if event["payload"].get("projectId") != project_id:
            problem(project_id, entry, "the event of the project's own stream names another project")
        chain, chained = check_link(project_id, entry, event, chain, chained, problem)
    return chain

def verify_file(file_id, events, problem):
    """Checks one file's events; answers the hash of its newest event."""
    chain, chained, text = None, False, None
    for event in in_sequence(file_id, "version", events, problem):
        sequence, kind, payload = event["sequenceNumber"], event["type"], event["payload"]
        revision, version = event.get("revision"), sequence + 1
        if payload.get("version") != version:
            problem(file_id, version, "sequence number %d holds version %s" % (sequence, payload.get("version")))
        chain, chained = check_link(file_id, version, event, chain, chained, problem)
        if kind == "FileEditedEvent" and canonical_form(kind, revision) == 2 \
                and sha256(canonical(payload.get("edits"))) != payload.get("editsHash"):
            problem(file_id, version, "editsHash does not match the stored line edits")
        try:
            if kind in FULL_TEXT:
                text = payload["content"]
            elif kind == "FileEditedEvent" and text is not None:
                text = apply_edits(text, payload["edits"])
        except (ValueError, KeyError, TypeError) as error:
            problem(file_id, version, "content cannot be rebuilt: %s" % error)
            text = None
        if text is not None and sha256(text) != payload.get("contentHash"):
            problem(file_id, version, "contentHash does not match the content rebuilt from the events")
            text = None
    return chain

def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    streams, problems = {}, []
    with open(sys.argv[1], encoding="utf-8") as export:
        for line in filter(str.strip, export):
            event = json.loads(line)
            streams.setdefault(event["aggregateId"], []).append(event)

    # The project's own stream is the one whose aggregateId is its events' projectId; every other is a file's.
    projects = {stream_id for stream_id, events in streams.items()
                if any(event["payload"].get("projectId") == stream_id for event in events)}

    def problem(stream_id, entry, what):
        problems.append(what)
        where = "project %s event" if stream_id in projects else "file %s version"
        print("PROBLEM %s %s: %s" % (where % stream_id, entry, what))

    files = {stream_id: events for stream_id, events in streams.items() if stream_id not in projects}
    newest = {file_id: verify_file(file_id, events, problem) for file_id, events in files.items()}
    newest.update({project_id: verify_project_stream(project_id, streams[project_id], problem)
                   for project_id in projects})
    head_input = "".join("%s %s\n" % (stream_id, newest[stream_id]) for stream_id in sorted(newest))
    print("files %d events %d project-events %d problems %d" % (len(files), sum(map(len, files.values())),
          sum(len(streams[project_id]) for project_id in projects), len(problems)))
    print("head %s" % hashlib.sha256(head_input.encode("utf-8")).hexdigest())
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
