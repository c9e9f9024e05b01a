package dev.velocity.filehistory.tools.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A project as POST /api/projects answered it: its id and the bearer token for it. */
public record Project(@JsonProperty("projectId") String id, String token) {}
