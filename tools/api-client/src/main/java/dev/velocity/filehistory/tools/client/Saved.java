package dev.velocity.filehistory.tools.client;

/** A save's 200/201 answer; {@code changed} false: the content equalled the current one and nothing was added. */
public record Saved(int version, String contentHash, boolean changed) {}
