package bench;

/** LAST_SEEN: the version the client last saw. NULL: last writer wins. STALE: always version 1 of a file at version 2 (every save is rejected). */
enum Expect { LAST_SEEN, NULL, STALE }
