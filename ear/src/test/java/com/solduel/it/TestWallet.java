package com.solduel.it;

import com.solduel.solana.Base58;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A Solana wallet for tests: an Ed25519 key pair that signs like a browser wallet would. */
public final class TestWallet {

    private final Ed25519PrivateKeyParameters key;

    private TestWallet(Ed25519PrivateKeyParameters key) {
        this.key = key;
    }

    public static TestWallet random() {
        return new TestWallet(new Ed25519PrivateKeyParameters(new SecureRandom()));
    }

    /** The wallet the test server lists in solduel.auth.admin-wallets (see ear/pom.xml). */
    public static TestWallet admin() {
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256").digest("solduel-it-admin".getBytes(StandardCharsets.UTF_8));
            return new TestWallet(new Ed25519PrivateKeyParameters(seed, 0));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same key as a solanaj account, to sign transactions (seed then public key, as solanaj wants). */
    public org.p2p.solanaj.core.Account solanaAccount() {
        byte[] secret = new byte[64];
        System.arraycopy(key.getEncoded(), 0, secret, 0, 32);
        System.arraycopy(key.generatePublicKey().getEncoded(), 0, secret, 32, 32);
        return new org.p2p.solanaj.core.Account(secret);
    }

    public String address() {
        return Base58.encode(key.generatePublicKey().getEncoded());
    }

    /** Base58 of the Ed25519 signature of the UTF-8 text, as wallets' signMessage returns it. */
    public String sign(String text) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return Base58.encode(signer.generateSignature());
    }

    /** Signs in through the API and returns the Bearer token. */
    public String signIn() {
        var nonce = TestEnvironment.post("/api/auth/nonce", Json.createObjectBuilder().add("wallet", address()).build().toString());
        if (nonce.statusCode() != 200) {
            throw new AssertionError("nonce refused: " + nonce.statusCode() + " " + nonce.body());
        }
        String message = TestEnvironment.json(nonce).getString("message");
        var verified = TestEnvironment.post("/api/auth/verify", Json.createObjectBuilder()
                .add("wallet", address()).add("signature", sign(message)).build().toString());
        if (verified.statusCode() != 200) {
            throw new AssertionError("sign-in refused: " + verified.statusCode() + " " + verified.body());
        }
        return TestEnvironment.json(verified).getString("token");
    }
}
