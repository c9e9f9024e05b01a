package dev.velocity.filehistory.tools.bench.design;

/** A save the store acknowledged: the version it announced and the hash of what was sent. */
public record Ack(int version, String contentHash) {}
