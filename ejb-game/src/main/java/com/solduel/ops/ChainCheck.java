package com.solduel.ops;

import com.solduel.solana.SolanaCluster;
import com.solduel.solana.rpc.JsonRpcErrorException;
import com.solduel.solana.rpc.SolanaRpc;
import com.solduel.solana.rpc.SolanaUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Names, at start, the profile the node runs and the chain it talks to, and refuses to start when
 * the two do not belong together ({@link DeploymentProfile#refusal}): a production node aimed at a
 * test chain, or a local or staging node aimed at mainnet. A refusal fails the application's start,
 * so nothing is served and no money moves; the beans that move money depend on this one.
 *
 * <p>Staging and production wait up to {@code solduel.solana.startup-check-seconds} for an RPC
 * endpoint to answer and refuse to start without one; a local node that cannot reach its chain starts
 * and says so (the local chain may come up later, and no real money is reachable from it).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChainCheck {

    private static final Logger LOG = Logger.getLogger(ChainCheck.class.getName());
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    @Inject
    SolanaRpc rpc;

    @Inject
    @ConfigProperty(name = "mp.config.profile", defaultValue = "local")
    String profileName;

    @Inject
    @ConfigProperty(name = "solduel.solana.chain-id")
    String chainId;

    @Inject
    @ConfigProperty(name = "solduel.node.id", defaultValue = "")
    String nodeId;

    @Inject
    @ConfigProperty(name = "solduel.solana.startup-check-seconds", defaultValue = "60")
    long waitSeconds;

    private volatile String genesisHash;
    /** Set once the check let this node start; read by the payouts job of another module before each run. */
    private static volatile boolean passed;

    @PostConstruct
    void check() {
        passed = false;
        DeploymentProfile profile = DeploymentProfile.named(profileName).orElseThrow(() -> refuse(
                "mp.config.profile (MP_CONFIG_PROFILE) is '" + profileName + "'; use one of " + DeploymentProfile.names()));
        Optional<String> hash = genesisHash(profile);
        if (hash.isEmpty()) {
            LOG.warning(() -> "SOL Duel node " + nodeId + " starting: profile " + profile.profileName() + ", chain "
                    + chainId + " NOT VERIFIED (no Solana RPC endpoint answered getGenesisHash); "
                    + "the local profile starts anyway — start the localnet (tools/solana-localnet)");
            passed = true;
            return;
        }
        SolanaCluster observed = SolanaCluster.ofGenesisHash(hash.get());
        profile.refusal(chainId, observed, hash.get()).ifPresent(reason -> {
            throw refuse(reason);
        });
        genesisHash = hash.get();
        passed = true;
        LOG.info(() -> "SOL Duel node " + nodeId + " starting: profile " + profile.profileName() + ", chain " + chainId
                + " = " + observed.displayName() + ", genesis hash " + hash.get());
    }

    /** Whether the chain check let this node start (false before it ran, and after a refusal). */
    public static boolean passed() {
        return passed;
    }

    /** The genesis hash the node checked at start; empty when a local node could not reach its chain. */
    public Optional<String> genesisHash() {
        return Optional.ofNullable(genesisHash);
    }

    private Optional<String> genesisHash(DeploymentProfile profile) {
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(0, waitSeconds)).toNanos();
        while (true) {
            try {
                return Optional.of(rpc.getGenesisHash());
            } catch (SolanaUnavailableException | JsonRpcErrorException e) {
                if (profile == DeploymentProfile.LOCAL) {
                    return Optional.empty();
                }
                if (System.nanoTime() > deadline) {
                    throw refuse("no Solana RPC endpoint answered getGenesisHash within " + waitSeconds
                            + " s, so the chain cannot be checked (" + e.getMessage() + "); check solduel.solana.rpc-pool");
                }
                LOG.warning(() -> "Waiting for a Solana RPC endpoint to check the chain: " + e.getMessage());
                pause();
            }
        }
    }

    private IllegalStateException refuse(String reason) {
        String message = "SOL Duel refuses to start (profile " + profileName + "): " + reason;
        LOG.severe(message);
        return new IllegalStateException(message);
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a Solana RPC endpoint", e);
        }
    }
}
