package com.solduel.wager;

import com.solduel.shared.SolDuelException.Kind;
import com.solduel.solana.SolanaKeypair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The escrow vault: the server-held Solana keypair every stake is sent to and every payout is sent
 * from. Its secret comes from the file at {@code solduel.vault.keypair-location} (the Solana CLI
 * format: a JSON array of 64 bytes, secret seed then public key); it is never logged, and no
 * method hands it out as text. Without that file the server serves free play only.
 */
@ApplicationScoped
public class EscrowVault {

    /** What players are told about who holds their stakes (GET /api/vault, docs/money.md). */
    public static final String CUSTODY = "Custodial escrow: your stake is sent to this vault, a Solana account whose key "
            + "the SOL Duel server holds. The server holds both players' stakes until the game ends, then pays the "
            + "winner the pot minus the house fee (a draw, a cancelled or an aborted game refunds each stake in full). "
            + "Until then the stakes are in the server operator's custody, not in an on-chain program.";

    private static final Logger LOG = Logger.getLogger(EscrowVault.class.getName());

    @Inject
    @ConfigProperty(name = "solduel.vault.keypair-location")
    Optional<String> keypairLocation;

    private volatile SolanaKeypair keys;

    /** The vault's address (base58); {@code vault-unavailable} (503) when no keypair is configured or readable. */
    public String address() {
        return keys().address();
    }

    /**
     * Signs {@code message} with the vault's key (Ed25519, 64 bytes): only transfers out of the
     * vault the payouts job has recorded before sending ({@code com.solduel.payout}).
     */
    public byte[] sign(byte[] message) {
        return keys().sign(message);
    }

    /** Whether a vault keypair is configured and readable (wagers need one). */
    public boolean available() {
        try {
            keys();
            return true;
        } catch (WagerRefusedException e) {
            return false;
        }
    }

    private SolanaKeypair keys() {
        SolanaKeypair loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                    LOG.info(() -> "escrow vault " + keys.address() + " loaded from " + keypairLocation.orElse("?"));
                }
                loaded = keys;
            }
        }
        return loaded;
    }

    private SolanaKeypair load() {
        String location = keypairLocation.filter(s -> !s.isBlank()).orElseThrow(() -> unavailable(
                "no escrow vault is configured on this server (solduel.vault.keypair-location): wagers are off, free play works"));
        try {
            return SolanaKeypair.load(Path.of(location));
        } catch (IOException | RuntimeException e) {
            // The message names the file and what is wrong with it, never its content.
            String why = SolanaKeypair.explain(e);
            LOG.warning("escrow vault keypair file " + location + " " + why);
            throw unavailable("the escrow vault is not available on this server: wagers are off, free play works");
        }
    }

    private static WagerRefusedException unavailable(String message) {
        return new WagerRefusedException("vault-unavailable", Kind.UNAVAILABLE, message);
    }

}
