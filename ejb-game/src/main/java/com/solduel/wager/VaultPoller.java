package com.solduel.wager;

import com.solduel.player.WalletAddress;
import com.solduel.shared.SolDuelException;
import com.solduel.solana.rpc.AddressSignature;
import com.solduel.solana.rpc.Commitment;
import com.solduel.solana.rpc.SolanaRpc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds deposits nobody reported: every {@code solduel.wager.vault-poll-seconds} it reads the
 * vault's new signatures ({@code getSignaturesForAddress}, oldest first from a cursor kept in
 * PostgreSQL), and each successful one whose memo names a game and a wallet is verified and
 * credited exactly as if that player had reported it ({@link Deposits#report}), once it is
 * {@code solduel.wager.vault-poll-grace-seconds} old (the player's own report goes first). A deposit that is
 * not yet at the required commitment stops the sweep there; the cursor moves past a signature only
 * once it is decided (credited, or refused for good). Every node may run it: crediting is once per
 * signature whoever gets there first. While no game awaits deposits it makes no RPC call at all.
 */
@Singleton
@Startup
// Moves money: only once the node has checked it talks to the chain its profile allows.
@DependsOn("ChainCheck")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class VaultPoller {

    private static final Logger LOG = Logger.getLogger(VaultPoller.class.getName());
    private static final Pattern MEMO = Pattern.compile("solduel:deposit:game=([0-9]{1,18}):wallet=([1-9A-HJ-NP-Za-km-z]{32,44})");
    private static final int PAGE = 1000;

    @Resource
    TimerService timers;

    @EJB
    DepositBook book;

    @Inject
    Deposits deposits;

    @Inject
    EscrowVault vault;

    @Inject
    SolanaRpc solana;

    @Inject
    @ConfigProperty(name = "solduel.wager.vault-poll-seconds")
    long pollSeconds;

    @Inject
    @ConfigProperty(name = "solduel.wager.vault-poll-grace-seconds")
    long graceSeconds;

    @PostConstruct
    void start() {
        if (pollSeconds > 0) {
            timers.createIntervalTimer(pollSeconds * 1000, pollSeconds * 1000, new TimerConfig("vault-poller", false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        if (!vault.available()) {
            return;
        }
        String address = vault.address();
        try {
            if (!book.anyAwaitingDeposits()) {
                return; // nothing could be credited: no RPC traffic while no game awaits deposits
            }
            Optional<String> cursor = book.cursor(address);
            for (AddressSignature entry : newSince(address, cursor.orElse(null))) {
                if (!decide(entry)) {
                    return; // retry from here next time
                }
                book.saveCursor(address, entry.signature());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "polling the vault for unreported deposits failed; retrying in " + pollSeconds + " s: " + e);
        }
    }

    /** The vault's signatures newer than {@code until}, oldest first. */
    private List<AddressSignature> newSince(String address, String until) {
        List<AddressSignature> newestFirst = new ArrayList<>();
        String before = null;
        // Every page back to the cursor: the cursor moves past what is processed, so stopping short of
        // it would skip the oldest new signatures for good (a deposit never credited by the poller).
        while (true) {
            List<AddressSignature> got = solana.getSignaturesForAddress(address, before, until, PAGE, Commitment.CONFIRMED);
            newestFirst.addAll(got);
            if (got.size() < PAGE) {
                break;
            }
            before = got.get(got.size() - 1).signature();
        }
        List<AddressSignature> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** True when {@code entry} is decided (credited, not a deposit, or refused for good); false to retry later. */
    private boolean decide(AddressSignature entry) {
        if (!entry.succeeded() || entry.memo() == null) {
            return true;
        }
        if (entry.blockTime() != null && entry.blockTime() > System.currentTimeMillis() / 1000 - graceSeconds) {
            return false; // the player's own report gets the first chance; look again next time
        }
        Matcher memo = MEMO.matcher(entry.memo());
        if (!memo.find()) {
            return true;
        }
        long gameId = Long.parseLong(memo.group(1));
        WalletAddress wallet;
        try {
            wallet = WalletAddress.of(memo.group(2));
        } catch (RuntimeException e) {
            return true;
        }
        try {
            deposits.report(gameId, wallet, entry.signature());
            LOG.info(() -> "unreported deposit " + entry.signature() + " found in the vault and credited to game " + gameId);
            return true;
        } catch (SolDuelException refused) {
            boolean retry = "deposit-not-confirmed".equals(refused.code()) || refused.kind() == SolDuelException.Kind.UNAVAILABLE;
            if (!retry && !"deposit-already-credited".equals(refused.code())) {
                LOG.fine(() -> "vault transaction " + entry.signature() + " is not a creditable deposit: " + refused.getMessage());
            }
            return !retry;
        }
    }
}
