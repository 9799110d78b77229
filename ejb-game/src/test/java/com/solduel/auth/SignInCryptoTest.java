package com.solduel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

class SignInCryptoTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void messageNamesDomainWalletNonceAndWindow() {
        var message = new SignInMessage("game.solduel.com", "https://game.solduel.com", "solana:mainnet",
                "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM", "abc123", T0, T0.plusSeconds(300));
        assertThat(message.text()).isEqualTo("""
                game.solduel.com wants you to sign in with your Solana account:
                9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM

                Sign in to SOL Duel. Signing is free: it sends no transaction and moves no funds.

                URI: https://game.solduel.com
                Version: 1
                Chain ID: solana:mainnet
                Nonce: abc123
                Issued At: 2026-11-24T10:00:00Z
                Expiration Time: 2026-11-24T10:05:00Z""");
    }

    @Test
    void ed25519AcceptsTheRightSignatureOnly() {
        var key = new Ed25519PrivateKeyParameters(new java.security.SecureRandom());
        byte[] publicKey = key.generatePublicKey().getEncoded();
        byte[] message = "sign me".getBytes(StandardCharsets.UTF_8);
        byte[] signature = sign(key, message);

        assertThat(Ed25519Signatures.verify(publicKey, message, signature)).isTrue();
        assertThat(Ed25519Signatures.verify(publicKey, "sign me!".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        signature[10] ^= 1;
        assertThat(Ed25519Signatures.verify(publicKey, message, signature)).isFalse();
        assertThat(Ed25519Signatures.verify(publicKey, message, new byte[63])).isFalse();
        assertThat(Ed25519Signatures.verify(new byte[31], message, new byte[64])).isFalse();
    }

    @Test
    void ed25519InteroperatesWithTheJdkSigner() throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] x509 = pair.getPublic().getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        byte[] message = "interop".getBytes(StandardCharsets.UTF_8);
        jdk.update(message);
        assertThat(Ed25519Signatures.verify(raw, message, jdk.sign())).isTrue();
    }

    @Test
    void jwtIsAnHs256TokenWithTheClaimsMicroProfileJwtNeeds() throws Exception {
        String secret = "a-token-key-as-the-set-up-makes-it-0123456";
        JwtIssuer issuer = new JwtIssuer(TokenKey.of(secret), "https://solduel.dev", "solduel");

        String token = issuer.issue("wallet123", Set.of("player", "admin"), T0, T0.plusSeconds(3600));
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);

        // HMAC-SHA256 of header.payload keyed with the secret's UTF-8 bytes, as Liberty's mpJwt sharedKey checks it.
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = hmac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);

        var claims = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[1])))).readObject();
        assertThat(claims.getString("iss")).isEqualTo("https://solduel.dev");
        assertThat(claims.getJsonArray("aud").toString()).isEqualTo("[\"solduel\"]");
        assertThat(claims.getString("sub")).isEqualTo("wallet123");
        assertThat(claims.getString("upn")).isEqualTo("wallet123");
        assertThat(claims.getJsonArray("groups").toString()).isEqualTo("[\"admin\",\"player\"]");
        assertThat(claims.getJsonNumber("exp").longValue()).isEqualTo(T0.getEpochSecond() + 3600);
        var header = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(parts[0])))).readObject();
        assertThat(header.getString("alg")).isEqualTo("HS256");
    }

    private static byte[] sign(Ed25519PrivateKeyParameters key, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }
}
