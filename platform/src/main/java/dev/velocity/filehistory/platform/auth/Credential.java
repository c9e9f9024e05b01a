package dev.velocity.filehistory.platform.auth;

/**
 * The token a request was authenticated with, for work that outlives the request (a live-updates stream): it can
 * be asked later whether the token still works. Holds only the token's digest, and never shows it.
 */
public final class Credential {

    static final String ATTRIBUTE = Credential.class.getName();

    private final String digest;
    private final AccessTokens tokens;

    Credential(String digest, AccessTokens tokens) {
        this.digest = digest;
        this.tokens = tokens;
    }

    /** False once the token is revoked (within {@code velocity.token-cache-ttl} when revoked on another node). */
    public boolean stillValid() {
        return tokens.resolveDigest(digest).isPresent();
    }

    String digest() {
        return digest;
    }

    @Override
    public String toString() {
        return "Credential[token not shown]";
    }
}
