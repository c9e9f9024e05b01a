package dev.velocity.filehistory.query.audit;

/** One thing verify found wrong: the file (its path when known), the version it concerns, and what. */
record Problem(String fileId, String path, Integer version, String what) {
}
