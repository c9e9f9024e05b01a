package dev.velocity.filehistory.platform.auth;

import java.util.UUID;

/** Who sent a request: the user a token acts as, in the one project the token belongs to. */
public record Caller(UUID projectId, String user) {

    static final String ATTRIBUTE = Caller.class.getName();
}
