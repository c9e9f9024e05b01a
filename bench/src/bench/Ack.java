package bench;

/** A save the store acknowledged: the version it announced and the hash of what was sent. */
record Ack(int version, String contentHash) {}
