package com.solduel.auth;

import com.solduel.player.PlayerRegistry;
import com.solduel.player.PlayerState;
import com.solduel.player.WalletAddress;
import com.solduel.solana.Base58;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign in with the wallet (SPEC §4): a single-use challenge bound to the wallet, an Ed25519
 * signature over its text, then a JWT; the player row is created on the first sign-in.
 */
@Stateless
public class WalletSignIn {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 16;

    @Inject
    SignInChallenges challenges;

    @Inject
    PlayerTokens tokens;

    @Inject
    PlayerRegistry registry;

    @Inject
    @ConfigProperty(name = "solduel.auth.domain")
    String domain;

    @Inject
    @ConfigProperty(name = "solduel.auth.uri")
    String uri;

    @Inject
    @ConfigProperty(name = "solduel.solana.chain-id")
    String chainId;

    @Inject
    @ConfigProperty(name = "solduel.auth.nonce-ttl-seconds")
    long nonceTtlSeconds;

    private final Clock clock = Clock.systemUTC();

    /** Opens a challenge for {@code wallet}; an older open one of the same wallet stops being valid. */
    public Challenge challenge(WalletAddress wallet) {
        byte[] nonceBytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonceBytes);
        String nonce = Base58.encode(nonceBytes);
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plusSeconds(nonceTtlSeconds);
        SignInMessage message = new SignInMessage(domain, uri, chainId, wallet.value(), nonce, issuedAt, expiresAt);
        challenges.open(wallet, message.text(), nonceTtlSeconds);
        return new Challenge(message.text(), nonce, issuedAt, expiresAt);
    }

    /** Verifies the wallet's signature of its open challenge and signs the player in. */
    public SignedIn verify(WalletAddress wallet, String signatureBase58) {
        byte[] signature = decodeSignature(signatureBase58);
        String message = challenges.find(wallet)
                .orElseThrow(() -> new SignInRefusedException(SignInRefusedException.Reason.NO_CHALLENGE));
        if (!Ed25519Signatures.verify(wallet.publicKey(), message.getBytes(StandardCharsets.UTF_8), signature)) {
            throw new SignInRefusedException(SignInRefusedException.Reason.BAD_SIGNATURE);
        }
        if (!challenges.consume(wallet, message)) {
            throw new SignInRefusedException(SignInRefusedException.Reason.NO_CHALLENGE);
        }
        PlayerState player = registry.signedIn(wallet);
        PlayerTokens.SignedToken token = tokens.issue(wallet.value(), clock.instant());
        return new SignedIn(token.token(), token.expiresAt(), token.groups(), player);
    }

    private static byte[] decodeSignature(String text) {
        try {
            byte[] signature = Base58.decode(text == null ? "" : text.trim());
            if (signature.length == Ed25519Signatures.SIGNATURE_BYTES) {
                return signature;
            }
        } catch (IllegalArgumentException notBase58) {
            // reported below with the same message as a wrong length
        }
        throw new SignInRefusedException(SignInRefusedException.Reason.MALFORMED_SIGNATURE);
    }
}
