package com.solduel.payout;

import com.solduel.solana.SolanaKeypair;
import com.solduel.wager.EscrowVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who pays the network fee of a payout transfer (docs/payouts.md). With
 * {@code solduel.payouts.fee-payer-keypair-location} set (the local set-up makes one; in a cluster
 * a Secret), an operator-funded account outside the escrow pays it and co-signs, so the vault's
 * balance moves by exactly the stakes, payouts and refunds (it keeps exactly the house fees).
 * Without it the vault pays its own fees.
 */
@ApplicationScoped
public class PayoutFeePayer {

    private static final Logger LOG = Logger.getLogger(PayoutFeePayer.class.getName());

    @Inject
    @ConfigProperty(name = "solduel.payouts.fee-payer-keypair-location")
    Optional<String> location;

    @Inject
    EscrowVault vault;

    private volatile SolanaKeypair keys;

    /** Whether a fee payer of its own is configured (else the vault pays). */
    public boolean separate() {
        return location.filter(s -> !s.isBlank()).isPresent();
    }

    /** Whether payouts can be signed now: the vault, and the fee payer when one is configured, are readable. */
    public boolean available() {
        if (!vault.available()) {
            return false;
        }
        try {
            return !separate() || keys() != null;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** The fee payer's address: its own, or the vault's. */
    public String address() {
        return separate() ? keys().address() : vault.address();
    }

    /** Signs as the fee payer (the vault signs for itself when it is the fee payer). */
    public byte[] sign(byte[] message) {
        return keys().sign(message);
    }

    private SolanaKeypair keys() {
        SolanaKeypair loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                if (keys == null) {
                    String file = location.orElseThrow();
                    try {
                        keys = SolanaKeypair.load(Path.of(file));
                    } catch (IOException | RuntimeException e) {
                        String why = SolanaKeypair.explain(e);
                        LOG.warning("payout fee payer keypair file " + file + " " + why + "; payouts wait until it is fixed");
                        throw new IllegalStateException("the payout fee payer's keypair " + file + " " + why);
                    }
                    LOG.info(() -> "payout fee payer " + keys.address() + " loaded from " + file);
                }
                loaded = keys;
            }
        }
        return loaded;
    }
}
