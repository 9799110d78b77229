package com.solduel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.solduel.auth.AccessTokenRefusedException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handshake's token check accepts exactly what the server issues, and says why it refuses the rest. */
class AccessTokensTest {

    private static final String WALLET = "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM";
    private static final String ISSUER = "https://solduel.dev";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(30);

    private static KeyPair keys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void generateKeys() throws GeneralSecurityException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        keys = rsa.generateKeyPair();
        otherKeys = rsa.generateKeyPair();
    }

    private static JwtVerifier verifierAt(Instant now) {
        return new JwtVerifier(keys.getPublic(), ISSUER, Set.of("solduel"), SKEW, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String issue(KeyPair pair, String issuer, String audience, Instant iat, Instant exp) {
        return new JwtIssuer(pair.getPrivate(), issuer, audience).issue(WALLET, Set.of("player", "admin"), iat, exp);
    }

    private static String valid() {
        return issue(keys, ISSUER, "solduel", NOW.minusSeconds(60), NOW.plusSeconds(3600));
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
        String hs256 = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];
        assertRefused(hs256, Reason.MALFORMED);
    }

    @Test
    void aChangedPayloadOrAnotherKeyFailsTheSignature() {
        String[] parts = valid().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + b64(payload.replace("\"player\"", "\"player\",\"root\"")) + "." + parts[2];
        assertRefused(forged, Reason.BAD_SIGNATURE);
        assertRefused(issue(otherKeys, ISSUER, "solduel", NOW, NOW.plusSeconds(60)), Reason.BAD_SIGNATURE);
        assertRefused(parts[0] + "." + parts[1] + ".", Reason.BAD_SIGNATURE);
    }

    @Test
    void anotherIssuerOrAudienceIsRefused() {
        assertRefused(issue(keys, "https://evil.example", "solduel", NOW, NOW.plusSeconds(60)), Reason.WRONG_ISSUER);
        assertRefused(issue(keys, ISSUER, "another-app", NOW, NOW.plusSeconds(60)), Reason.WRONG_AUDIENCE);
    }

    @Test
    void anAudienceArrayContainingOursIsAccepted() {
        String token = sign("{\"alg\":\"RS256\"}", "{\"iss\":\"" + ISSUER + "\",\"aud\":[\"x\",\"solduel\"],\"sub\":\""
                + WALLET + "\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":" + (NOW.getEpochSecond() + 60) + "}");
        assertThat(verifierAt(NOW).verify(token).groups()).isEmpty();
    }

    @Test
    void expiryIsCheckedWithTheClockSkew() {
        String token = issue(keys, ISSUER, "solduel", NOW.minusSeconds(600), NOW);
        assertThat(verifierAt(NOW.plus(SKEW).minusSeconds(1)).verify(token).wallet().value()).isEqualTo(WALLET);
        assertThatThrownBy(() -> verifierAt(NOW.plus(SKEW)).verify(token))
                .isInstanceOfSatisfying(AccessTokenRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("token-expired"));
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheSkewIsNotYetValid() {
        String early = issue(keys, ISSUER, "solduel", NOW.plusSeconds(120), NOW.plusSeconds(3600));
        assertRefused(early, Reason.NOT_YET_VALID);
        String slightlyEarly = issue(keys, ISSUER, "solduel", NOW.plusSeconds(10), NOW.plusSeconds(3600));
        assertThat(verifierAt(NOW).verify(slightlyEarly).wallet().value()).isEqualTo(WALLET);
    }

    @Test
    void claimsOfTheWrongShapeAreMalformed() {
        long iat = NOW.getEpochSecond();
        assertRefused(sign("{\"alg\":\"RS256\"}", "{\"iss\":\"" + ISSUER + "\",\"aud\":\"solduel\",\"sub\":\"not-a-wallet\","
                + "\"iat\":" + iat + ",\"exp\":" + (iat + 60) + "}"), Reason.MALFORMED);
        assertRefused(sign("{\"alg\":\"RS256\"}", "{\"iss\":\"" + ISSUER + "\",\"aud\":\"solduel\",\"sub\":\"" + WALLET
                + "\",\"iat\":" + iat + "}"), Reason.MALFORMED);
        assertRefused(sign("{\"alg\":\"RS256\"}", "{\"iss\":\"" + ISSUER + "\",\"aud\":\"solduel\",\"sub\":\"" + WALLET
                + "\",\"iat\":" + iat + ",\"exp\":" + (iat + 60) + ",\"groups\":\"admin\"}"), Reason.MALFORMED);
        assertRefused(sign("{\"alg\":\"RS256\"}", "[1,2,3]"), Reason.MALFORMED);
    }

    @Test
    void thePublicKeyIsReadFromAFileUrlAsMicroProfileJwtConfiguresIt(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        String text = AccessTokens.read(pem.toUri().toString());
        assertThat(text).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(AccessTokens.read(pem.toString())).isEqualTo(text);
        var verifier = new JwtVerifier(JwtVerifier.readPublicKey(text), ISSUER, Set.of("solduel"), SKEW,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(verifier.verify(valid()).wallet().value()).isEqualTo(WALLET);
        assertThatThrownBy(() -> JwtVerifier.readPublicKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(GeneralSecurityException.class);
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
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
