package com.solduel.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.auth.JwtIssuer;
import com.solduel.auth.TokenKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sign in with the wallet, end to end: challenge, Ed25519 signature, JWT, protected endpoint. */
class SignInIT {

    @Test
    void validSignatureGivesAJwtThatAProtectedEndpointAccepts() throws Exception {
        TestWallet wallet = TestWallet.random();
        var nonce = requestNonce(wallet.address());
        assertThat(nonce.statusCode()).isEqualTo(200);
        JsonObject challenge = TestEnvironment.json(nonce);
        String message = challenge.getString("message");
        assertThat(message)
                .contains("wants you to sign in with your Solana account:\n" + wallet.address())
                .contains("Nonce: " + challenge.getString("nonce"))
                .contains("Issued At: ").contains("Expiration Time: ")
                .contains("moves no funds");

        var verified = verify(wallet.address(), wallet.sign(message));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonObject session = TestEnvironment.json(verified);
        assertThat(session.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("player");
        assertThat(session.getJsonObject("player").getString("walletAddress")).isEqualTo(wallet.address());
        assertThat(session.getJsonObject("player").getInt("eloRating")).isEqualTo(1000);

        var me = me(session.getString("token"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(TestEnvironment.json(me).getString("walletAddress")).isEqualTo(wallet.address());
        assertThat(SchemaIT.strings("SELECT wallet_address FROM players WHERE wallet_address = '" + wallet.address() + "'"))
                .as("the player row is created on first sign-in").hasSize(1);

        // A second sign-in of the same wallet reuses the player.
        assertThat(me(wallet.signIn()).statusCode()).isEqualTo(200);
        assertThat(SchemaIT.strings("SELECT id FROM players WHERE wallet_address = '" + wallet.address() + "'")).hasSize(1);
    }

    @Test
    void configuredAdminWalletGetsTheAdminGroup() {
        TestWallet admin = TestWallet.admin();
        String message = TestEnvironment.json(requestNonce(admin.address())).getString("message");
        JsonObject session = TestEnvironment.json(verify(admin.address(), admin.sign(message)));
        assertThat(session.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("admin", "player");
    }

    @Test
    void signatureByAnotherKeyIsRefused() {
        TestWallet wallet = TestWallet.random();
        String message = TestEnvironment.json(requestNonce(wallet.address())).getString("message");
        var response = verify(wallet.address(), TestWallet.random().sign(message));
        assertProblem(response, 401, "sign-in-bad-signature");
    }

    @Test
    void signatureOfATamperedMessageIsRefused() {
        TestWallet wallet = TestWallet.random();
        String message = TestEnvironment.json(requestNonce(wallet.address())).getString("message");
        String tampered = message.replaceFirst("Expiration Time: .*", "Expiration Time: 2099-01-01T00:00:00Z");
        assertProblem(verify(wallet.address(), wallet.sign(tampered)), 401, "sign-in-bad-signature");
    }

    @Test
    void aNonceCanBeUsedOnlyOnce() {
        TestWallet wallet = TestWallet.random();
        String message = TestEnvironment.json(requestNonce(wallet.address())).getString("message");
        String signature = wallet.sign(message);
        assertThat(verify(wallet.address(), signature).statusCode()).isEqualTo(200);
        assertProblem(verify(wallet.address(), signature), 401, "sign-in-challenge-missing");
    }

    @Test
    void aNonceIsBoundToItsWallet() {
        TestWallet owner = TestWallet.random();
        TestWallet other = TestWallet.random();
        String message = TestEnvironment.json(requestNonce(owner.address())).getString("message");
        // The other wallet has a challenge of its own: the owner's message, signed by it, is still refused.
        assertThat(requestNonce(other.address()).statusCode()).isEqualTo(200);
        assertProblem(verify(other.address(), other.sign(message)), 401, "sign-in-bad-signature");
        assertProblem(verify(owner.address(), other.sign(message)), 401, "sign-in-bad-signature");
        assertThat(verify(owner.address(), owner.sign(message)).statusCode())
                .as("neither attempt used the owner's challenge up").isEqualTo(200);
    }

    @Test
    void anExpiredNonceIsRefused() throws InterruptedException {
        TestWallet wallet = TestWallet.random();
        JsonObject challenge = TestEnvironment.json(requestNonce(wallet.address()));
        long ttl = Instant.parse(challenge.getString("expiresAt")).getEpochSecond()
                - Instant.parse(challenge.getString("issuedAt")).getEpochSecond();
        assertThat(ttl).as("the test server's nonce lifetime (ear/pom.xml)").isEqualTo(5);
        Thread.sleep((ttl + 1) * 1000);
        assertProblem(verify(wallet.address(), wallet.sign(challenge.getString("message"))), 401,
                "sign-in-challenge-missing");
    }

    @Test
    void malformedInputIsABadRequest() {
        assertProblem(requestNonce("not-base58-0OIl"), 400, "invalid-wallet-address");
        TestWallet wallet = TestWallet.random();
        requestNonce(wallet.address());
        assertProblem(verify(wallet.address(), "0OIl-not-base58"), 400, "malformed-signature");
        assertProblem(verify(wallet.address(), "3yZe7d"), 400, "malformed-signature");
        assertProblem(TestEnvironment.post("/api/auth/verify", "{\"wallet\": "), 400, "malformed-body");
        assertProblem(TestEnvironment.post("/api/auth/nonce", "{}"), 400, "invalid-request");
        assertThat(TestEnvironment.post("/api/auth/nonce", "").statusCode()).isEqualTo(400);
    }

    @Test
    void protectedEndpointRefusesMissingTamperedAndExpiredTokens() throws Exception {
        TestWallet wallet = TestWallet.random();
        String token = wallet.signIn();
        assertThat(me(token).statusCode()).isEqualTo(200);

        assertThat(TestEnvironment.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(me("not.a.jwt").statusCode()).isEqualTo(401);

        // Claim to be someone else without re-signing: the signature no longer matches.
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace(wallet.address(), TestWallet.admin().address()).replace("\"player\"", "\"player\",\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
        assertThat(me(tampered).statusCode()).isEqualTo(401);

        // Signed with the server's own key but expired ten minutes ago (beyond the 30 s clock skew).
        JwtIssuer issuer = new JwtIssuer(TokenKey.of(TestEnvironment.secret(TokenKey.ENVIRONMENT_VARIABLE)),
                "https://solduel.dev", "solduel");
        Instant past = Instant.now().minusSeconds(3600);
        String expired = issuer.issue(wallet.address(), Set.of("player"), past, past.plusSeconds(3000));
        assertThat(me(expired).statusCode()).isEqualTo(401);
        String fresh = issuer.issue(wallet.address(), Set.of("player"), Instant.now(), Instant.now().plusSeconds(60));
        assertThat(me(fresh).statusCode()).as("control: the same key with a valid expiry is accepted").isEqualTo(200);

        // The same claims under another key, or with no signature at all ("alg":"none"), are refused.
        String otherKey = new JwtIssuer(TokenKey.of("another-key-of-the-right-length-0123456789"), "https://solduel.dev",
                "solduel").issue(wallet.address(), Set.of("player"), Instant.now(), Instant.now().plusSeconds(60));
        assertThat(me(otherKey).statusCode()).as("signed with another key").isEqualTo(401);
        String[] freshParts = fresh.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
                + "." + freshParts[1] + ".";
        assertThat(me(none).statusCode()).as("alg none").isEqualTo(401);
    }

    static HttpResponse<String> requestNonce(String wallet) {
        return TestEnvironment.post("/api/auth/nonce", Json.createObjectBuilder().add("wallet", wallet).build().toString());
    }

    static HttpResponse<String> verify(String wallet, String signature) {
        return TestEnvironment.post("/api/auth/verify", Json.createObjectBuilder()
                .add("wallet", wallet).add("signature", signature).build().toString());
    }

    static HttpResponse<String> me(String token) {
        return TestEnvironment.send(HttpRequest.newBuilder(URI.create(TestEnvironment.BASE_URL + "/api/me"))
                .header("Authorization", "Bearer " + token).GET());
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestEnvironment.json(response).getString("code")).isEqualTo(code);
    }
}
