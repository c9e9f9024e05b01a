#!/usr/bin/env python3
"""Usage: verify-export.py EXPORT.ndjson  (GET /api/projects/{id}/events, every page, concatenated; docs/audit.md)
Rebuilds each version's content from full texts and line edits and checks its contentHash, recomputes every
eventHash and chain link, checks that versions are gap-free, prints the project head. Standard library only.
Exit code: 0 when everything holds, 1 when a problem was found (each printed), 2 on bad usage."""
import hashlib, json, sys

FULL_TEXT = {"FileCreatedEvent", "FileVersionSavedEvent", "FileRestoredEvent"}

def sha256(text):
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()

def without_nulls(value):
    if isinstance(value, dict):
        return {key: without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [without_nulls(item) for item in value]
    return value

def event_hash(kind, payload, previous_hash):
    fields = {key: item for key, item in payload.items() if key not in ("eventHash", "previousHash")}
    fields.update(type=kind, previousHash=previous_hash)
    return sha256(json.dumps(without_nulls(fields), sort_keys=True, separators=(",", ":"), ensure_ascii=False))

def apply_edits(text, edits):
    lines, result, next_line = text.split("\n"), [], 0
    for edit in edits:
        if edit["at"] < next_line or edit["at"] + edit["delete"] > len(lines):
            raise ValueError("line edit at line %d does not fit the previous content" % edit["at"])
        result += lines[next_line:edit["at"]] + edit["insert"]
        next_line = edit["at"] + edit["delete"]
    return "\n".join(result + lines[next_line:])

def verify_file(file_id, events, problem):
    """Checks one file's events; answers the hash of its newest event."""
    chain, chained, text, expected_sequence = None, False, None, 0
    for event in sorted(events, key=lambda e: e["sequenceNumber"]):
        sequence, kind, payload = event["sequenceNumber"], event["type"], event["payload"]
        version = sequence + 1
        if sequence != expected_sequence:
            problem(file_id, expected_sequence + 1, "versions %d to %d are missing" % (expected_sequence + 1, sequence))
        expected_sequence = sequence + 1
        if payload.get("version") != version:
            problem(file_id, version, "sequence number %d holds version %s" % (sequence, payload.get("version")))
        if payload.get("eventHash"):
            if payload.get("previousHash") != chain:
                problem(file_id, version, "previousHash is not the eventHash of the event before")
            if event_hash(kind, payload, payload.get("previousHash")) != payload["eventHash"]:
                problem(file_id, version, "eventHash does not match the event's fields")
            chain, chained = payload["eventHash"], True
        else:
            if chained:
                problem(file_id, version, "no eventHash, though an event before it has one")
            chain = event_hash(kind, payload, chain)
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
    files, problems = {}, []
    with open(sys.argv[1], encoding="utf-8") as export:
        for line in filter(str.strip, export):
            event = json.loads(line)
            files.setdefault(event["aggregateId"], []).append(event)

    def problem(file_id, version, what):
        problems.append(what)
        print("PROBLEM file %s version %s: %s" % (file_id, version, what))

    newest = {file_id: verify_file(file_id, events, problem) for file_id, events in files.items()}
    head_input = "".join("%s %s\n" % (file_id, newest[file_id]) for file_id in sorted(newest))
    print("files %d events %d problems %d" % (len(files), sum(map(len, files.values())), len(problems)))
    print("head %s" % hashlib.sha256(head_input.encode("utf-8")).hexdigest())
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
