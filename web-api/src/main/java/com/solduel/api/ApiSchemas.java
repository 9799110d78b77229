package com.solduel.api;

/** Patterns, examples and problem-code lists shared by the OpenAPI annotations of the resources. */
public final class ApiSchemas {

    /** Base58 text (Bitcoin alphabet: no 0, O, I or l). */
    public static final String BASE58 = "^[1-9A-HJ-NP-Za-km-z]+$";
    /** A base58 Solana public key: 32 bytes are 32 to 44 base58 characters. */
    public static final String BASE58_WALLET = "^[1-9A-HJ-NP-Za-km-z]{32,44}$";
    public static final String WALLET_EXAMPLE = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
    /** 1 to 64 printable ASCII characters without spaces ({@code ClientSeed}). */
    public static final String CLIENT_SEED = "^[!-~]{1,64}$";
    public static final String CLIENT_SEED_DESCRIPTION = "Your own randomness mixed into the game's fair RNG: 1 to 64 "
            + "printable ASCII characters without spaces. Optional: absent or blank, the server picks one";

    public static final String PROBLEM = "application/problem+json";
    /** The start of every 400 description of an operation that reads a JSON body: the refusals all bodies share. */
    public static final String BAD_JSON_BODY = "A malformed Accept or Content-Type header (`malformed-header`), a body that is not JSON of the expected shape (`malformed-body`), invalid fields listed in `violations` (`invalid-request`), a number that is fractional, in exponent form or out of range (`invalid-number`), or a value of the wrong JSON type (`invalid-type`)";
    public static final String PROBLEM_SCHEMA = "Problem";

    /** What every operation may answer before it runs. */
    public static final String RATE_LIMITED = "Too many requests from this client address (problem `rate-limited`); "
            + "the Retry-After header says when to retry";
    public static final String NOT_ACCEPTABLE = "The Accept header allows neither application/json nor "
            + "application/problem+json (problem `not-acceptable`)";
    public static final String ORIGIN = "A browser request from an origin outside the CORS allowlist "
            + "(problem `origin-not-allowed`)";
    public static final String UNAUTHORIZED = "No valid Bearer token (problem `unauthorized`): missing, malformed, "
            + "expired, or not signed by this server";
    public static final String TOO_LARGE = "The request body is larger than the API accepts (problem `request-entity-too-large`)";
    /** What every operation that reads or writes PostgreSQL may answer while it is unreachable. */
    public static final String DATABASE_UNAVAILABLE = "The database is unreachable right now (problem `database-unavailable`, "
            + "nothing was written); the Retry-After header says when to retry";
    public static final String UNSUPPORTED = "The request body is not application/json (problem `unsupported-media-type`)";

    private ApiSchemas() {
    }
}
