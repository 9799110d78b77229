package com.solduel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.auth.AccessTokenRefusedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** The handshake's token check accepts exactly what the server issues, and says why it refuses the rest. */
class AccessTokensTest {

    private static final String WALLET = "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM";
    private static final String ISSUER = "https://solduel.dev";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(30);

    private static final SecretKey KEY = TokenKey.of("the-test-key-of-the-players-tokens-0123456789");
    private static final SecretKey OTHER_KEY = TokenKey.of("another-key-the-server-never-had-0123456789");

    private static JwtVerifier verifierAt(Instant now) {
        return new JwtVerifier(KEY, ISSUER, Set.of("solduel"), SKEW, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String issue(SecretKey key, String issuer, String audience, Instant iat, Instant exp) {
        return new JwtIssuer(key, issuer, audience).issue(WALLET, Set.of("player", "admin"), iat, exp);
    }

    private static String valid() {
        return issue(KEY, ISSUER, "solduel", NOW.minusSeconds(60), NOW.plusSeconds(3600));
    }

    @Test
    void aTokenTheServerIssuedNamesItsWalletGroupsAndExpiry() {
        AuthenticatedPlayer player = verifierAt(NOW).verify(valid());
        assertThat(player.wallet().value()).isEqualTo(WALLET);
        assertThat(player.groups()).containsExactlyInAnyOrder("player", "admin");
        assertThat(player.isAdmin()).isTrue();
        assertThat(player.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void aMissingTokenIsRefusedAsMissing() {
        assertRefused(null, Reason.MISSING);
        assertRefused("", Reason.MISSING);
        assertRefused("   ", Reason.MISSING);
    }

    @Test
    void garbageIsRefusedAsMalformed() {
        assertRefused("not.a.jwt", Reason.MALFORMED);
        assertRefused("onlyonepart", Reason.MALFORMED);
        assertRefused("a.b.c.d", Reason.MALFORMED);
        assertRefused("%%%.%%%.%%%", Reason.MALFORMED);
        assertRefused(valid() + "x".repeat(JwtVerifier.MAX_TOKEN_CHARS), Reason.MALFORMED);
    }

    @Test
    void unsignedAndOtherAlgorithmsAreRefused() {
        String[] parts = valid().split("\\.");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertRefused(none, Reason.MALFORMED);
        assertRefused(signedAs("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", parts[1]), Reason.MALFORMED);
        assertRefused(signedAs("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", parts[1]), Reason.MALFORMED);
    }

    /** A token with {@code header}, signed with a fresh RSA key: a header the server does not take is refused before its signature. */
    private static String signedAs(String header, String payloadPart) {
        String input = b64(header) + "." + payloadPart;
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(rsa.generateKeyPair().getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChangedPayloadOrAnotherKeyFailsTheSignature() {
        String[] parts = valid().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + b64(payload.replace("\"player\"", "\"player\",\"root\"")) + "." + parts[2];
        assertRefused(forged, Reason.BAD_SIGNATURE);
        assertRefused(issue(OTHER_KEY, ISSUER, "solduel", NOW, NOW.plusSeconds(60)), Reason.BAD_SIGNATURE);
        assertRefused(parts[0] + "." + parts[1] + ".", Reason.BAD_SIGNATURE);
    }

    @Test
    void anotherIssuerOrAudienceIsRefused() {
        assertRefused(issue(KEY, "https://evil.example", "solduel", NOW, NOW.plusSeconds(60)), Reason.WRONG_ISSUER);
        assertRefused(issue(KEY, ISSUER, "another-app", NOW, NOW.plusSeconds(60)), Reason.WRONG_AUDIENCE);
    }

    @Test
    void anAudienceArrayContainingOursIsAccepted() {
        String token = sign("{\"alg\":\"HS256\"}", "{\"iss\":\"" + ISSUER + "\",\"aud\":[\"x\",\"solduel\"],\"sub\":\""
                + WALLET + "\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + (NOW.getEpochSecond() + 60) + "}");
        assertThat(verifierAt(NOW).verify(token).groups()).isEmpty();
    }

    @Test
    void expiryIsCheckedWithTheClockSkew() {
        String token = issue(KEY, ISSUER, "solduel", NOW.minusSeconds(600), NOW);
        assertThat(verifierAt(NOW.plus(SKEW).minusSeconds(1)).verify(token).wallet().value()).isEqualTo(WALLET);
        assertThatThrownBy(() -> verifierAt(NOW.plus(SKEW)).verify(token))
                .isInstanceOfSatisfying(AccessTokenRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("token-expired"));
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheSkewIsNotYetValid() {
        String early = issue(KEY, ISSUER, "solduel", NOW.plusSeconds(120), NOW.plusSeconds(3600));
        assertRefused(early, Reason.NOT_YET_VALID);
        String slightlyEarly = issue(KEY, ISSUER, "solduel", NOW.plusSeconds(10), NOW.plusSeconds(3600));
        assertThat(verifierAt(NOW).verify(slightlyEarly).wallet().value()).isEqualTo(WALLET);
    }

    @Test
    void claimsOfTheWrongShapeAreMalformed() {
        long iat = NOW.getEpochSecond();
        assertRefused(sign("{\"alg\":\"HS256\"}", "{\"iss\":\"" + ISSUER + "\",\"aud\":\"solduel\",\"sub\":\"not-a-wallet\","
                + "\"iat\":" + iat + ",\"exp\":" + (iat + 60) + "}"), Reason.MALFORMED);
        assertRefused(sign("{\"alg\":\"HS256\"}", "{\"iss\":\"" + ISSUER + "\",\"aud\":\"solduel\",\"sub\":\"" + WALLET
                + "\",\"iat\":" + iat + "}"), Reason.MALFORMED);
        assertRefused(sign("{\"alg\":\"HS256\"}", "{\"iss\":\"" + ISSUER + "\",\"aud\":\"solduel\",\"sub\":\"" + WALLET
                + "\",\"iat\":" + iat + ",\"exp\":" + (iat + 60) + ",\"groups\":\"admin\"}"), Reason.MALFORMED);
        assertRefused(sign("{\"alg\":\"HS256\"}", "[1,2,3]"), Reason.MALFORMED);
    }

    @Test
    void aKeyTooShortOrMissingStopsTheNodeWithWhatToSet() {
        assertThatThrownBy(() -> TokenKey.of(null)).hasMessageContaining("SOLDUEL_JWT_SECRET is not set");
        assertThatThrownBy(() -> TokenKey.of("  ")).hasMessageContaining("SOLDUEL_JWT_SECRET is not set");
        assertThatThrownBy(() -> TokenKey.of("short")).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> TokenKey.of(" padded-key-of-the-right-length-0123456789 ")).hasMessageContaining("spaces");
        assertThatThrownBy(() -> TokenKey.of("{xor}encoded-like-a-liberty-password-0123456789"))
                .hasMessageContaining("must not start with '{'");
        assertThat(TokenKey.of("x".repeat(32)).getEncoded()).hasSize(32);
    }

    private static void assertRefused(String token, Reason reason) {
        assertThatThrownBy(() -> verifierAt(NOW).verify(token))
                .isInstanceOfSatisfying(AccessTokenRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.code()).isEqualTo(reason.code());
                });
    }

    private static String sign(String header, String payload) {
        String input = b64(header) + "." + b64(payload);
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(KEY);
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(hmac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
