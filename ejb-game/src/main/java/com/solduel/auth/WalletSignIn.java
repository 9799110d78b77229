package com.solduel.auth;

import com.solduel.player.PlayerRegistry;
import com.solduel.player.PlayerState;
import com.solduel.player.WalletAddress;
import com.solduel.solana.Base58;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
    ChallengeRequestLimits limits;

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

    @Inject
    @ConfigProperty(name = "solduel.auth.challenges-per-wallet-and-address")
    int challengesPerWalletAndAddress;

    private final Clock clock = Clock.systemUTC();

    /**
     * Opens a challenge for {@code wallet} asked for from {@code clientAddress}. Each address keeps
     * a few open challenges per wallet (its oldest dropped beyond that), so a request from elsewhere
     * never cancels the one the wallet is signing; both the address and the wallet have a budget of
     * requests per window ({@link SignInThrottledException} beyond it). Redis only: no transaction.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Challenge challenge(WalletAddress wallet, String clientAddress) {
        Instant now = clock.instant();
        limits.countAddress(clientAddress, now);
        byte[] nonceBytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonceBytes);
        String nonce = Base58.encode(nonceBytes);
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plusSeconds(nonceTtlSeconds);
        SignInMessage message = new SignInMessage(domain, uri, chainId, wallet.value(), nonce, issuedAt, expiresAt);
        ChallengeRequestLimits.WalletBudget budget = limits.walletBudget(wallet, now);
        if (!challenges.open(wallet, budget, clientAddress, nonce, message.text(), now, expiresAt, challengesPerWalletAndAddress)) {
            throw budget.spent();
        }
        return new Challenge(message.text(), nonce, issuedAt, expiresAt);
    }

    /** Verifies the wallet's signature of one of its open challenges and signs the player in; a banned player is refused ({@code player-banned}). */
    public SignedIn verify(WalletAddress wallet, String signatureBase58) {
        byte[] signature = decodeSignature(signatureBase58);
        List<SignInChallenges.Open> open = challenges.find(wallet, clock.instant());
        if (open.isEmpty()) {
            throw new SignInRefusedException(SignInRefusedException.Reason.NO_CHALLENGE);
        }
        SignInChallenges.Open signed = open.stream()
                .filter(c -> Ed25519Signatures.verify(wallet.publicKey(), c.messageText().getBytes(StandardCharsets.UTF_8), signature))
                .findFirst()
                .orElseThrow(() -> new SignInRefusedException(SignInRefusedException.Reason.BAD_SIGNATURE));
        // Only after the signature: whether a wallet is banned is told to its owner, not to anyone
        // who names it. The player row is read with its ban (and made on a first sign-in) in one
        // statement; a banned player's challenge stays open (a refusal changes nothing) and expires
        // with its nonce. A challenge another request used first rolls the new row back.
        PlayerState player = registry.signIn(wallet);
        if (!challenges.consume(wallet, signed)) {
            throw new SignInRefusedException(SignInRefusedException.Reason.NO_CHALLENGE);
        }
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
