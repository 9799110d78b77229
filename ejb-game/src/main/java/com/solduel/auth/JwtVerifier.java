package com.solduel.auth;

import com.solduel.auth.AccessTokenRefusedException.Reason;
import com.solduel.player.InvalidWalletAddressException;
import com.solduel.player.WalletAddress;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Verifies the JWTs {@link JwtIssuer} signs, the way MicroProfile JWT does for REST: HS256 over
 * {@code header.payload} with the server's token key (compared in constant time), then issuer,
 * audience, expiry and issued-at within the clock skew. Plain Java, so the WebSocket handshake
 * (where MicroProfile JWT cannot read a query parameter) and unit tests use exactly the same checks.
 */
public final class JwtVerifier {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** Far above the ~600 characters of a real token; refuses absurd input before any parsing. */
    static final int MAX_TOKEN_CHARS = 8192;
    private static final String ALGORITHM = "HS256";

    private final SecretKey key;
    private final String issuer;
    private final Set<String> audiences;
    private final Duration clockSkew;
    private final Clock clock;

    public JwtVerifier(SecretKey key, String issuer, Set<String> audiences, Duration clockSkew, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** The player the token speaks for, or {@link AccessTokenRefusedException} saying why not. */
    public AuthenticatedPlayer verify(String token) {
        if (token == null || token.isBlank()) {
            throw new AccessTokenRefusedException(Reason.MISSING);
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new AccessTokenRefusedException(Reason.MALFORMED, "longer than " + MAX_TOKEN_CHARS + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new AccessTokenRefusedException(Reason.MALFORMED, "expected three dot-separated parts");
        }
        JsonObject header = json(parts[0]);
        if (!ALGORITHM.equals(string(header, "alg")) || header.containsKey("crit")) {
            throw new AccessTokenRefusedException(Reason.MALFORMED, "only alg HS256 without 'crit' is accepted");
        }
        if (!signatureMatches(parts)) {
            throw new AccessTokenRefusedException(Reason.BAD_SIGNATURE);
        }
        JsonObject claims = json(parts[1]);
        if (!issuer.equals(string(claims, "iss"))) {
            throw new AccessTokenRefusedException(Reason.WRONG_ISSUER);
        }
        if (!audienceMatches(claims.get("aud"))) {
            throw new AccessTokenRefusedException(Reason.WRONG_AUDIENCE);
        }
        Instant now = clock.instant();
        Instant expiresAt = Instant.ofEpochSecond(seconds(claims, "exp"));
        if (!now.isBefore(expiresAt.plus(clockSkew))) {
            throw new AccessTokenRefusedException(Reason.EXPIRED, "at " + expiresAt);
        }
        if (Instant.ofEpochSecond(seconds(claims, "iat")).isAfter(now.plus(clockSkew))
                || (claims.containsKey("nbf") && Instant.ofEpochSecond(seconds(claims, "nbf")).isAfter(now.plus(clockSkew)))) {
            throw new AccessTokenRefusedException(Reason.NOT_YET_VALID);
        }
        WalletAddress wallet;
        try {
            wallet = WalletAddress.of(string(claims, "sub"));
        } catch (InvalidWalletAddressException e) {
            throw new AccessTokenRefusedException(Reason.MALFORMED, "the subject is not a wallet address");
        }
        return new AuthenticatedPlayer(wallet, groups(claims), expiresAt);
    }

    private boolean signatureMatches(String[] parts) {
        return MessageDigest.isEqual(JwtIssuer.hs256(key, parts[0] + "." + parts[1]), decode(parts[2]));
    }

    private boolean audienceMatches(JsonValue aud) {
        if (aud instanceof JsonString one) {
            return audiences.contains(one.getString());
        }
        if (aud instanceof JsonArray many) {
            return many.stream().anyMatch(v -> v instanceof JsonString s && audiences.contains(s.getString()));
        }
        return false;
    }

    private static Set<String> groups(JsonObject claims) {
        JsonValue value = claims.get("groups");
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof JsonArray array) || !array.stream().allMatch(JsonString.class::isInstance)) {
            throw new AccessTokenRefusedException(Reason.MALFORMED, "'groups' must be an array of strings");
        }
        Set<String> groups = new LinkedHashSet<>();
        array.getValuesAs(JsonString::getString).forEach(groups::add);
        return groups;
    }

    private static JsonObject json(String base64url) {
        try (var reader = JSON.createReader(new StringReader(new String(decode(base64url), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException notAnObject) {
            throw new AccessTokenRefusedException(Reason.MALFORMED, "a part is not a JSON object");
        }
    }

    private static byte[] decode(String base64url) {
        try {
            return Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException e) {
            throw new AccessTokenRefusedException(Reason.MALFORMED, "a part is not base64url");
        }
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static long seconds(JsonObject claims, String name) {
        if (claims.get(name) instanceof JsonNumber number && number.isIntegral()) {
            return number.longValue();
        }
        throw new AccessTokenRefusedException(Reason.MALFORMED, "'" + name + "' must be a NumericDate");
    }
}
