package com.solduel.matchmaking;

import com.solduel.game.rules.GameType;
import com.solduel.money.Lamports;
import com.solduel.wager.EscrowVault;
import com.solduel.wager.WagerSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Matchmaking's configuration ({@code solduel.matchmaking.*}, defaults in ejb-game's
 * microprofile-config.properties, explained in docs/matchmaking.md).
 */
@ApplicationScoped
public class MatchmakingSettings {

    @Inject
    WagerSettings wagerSettings;

    @Inject
    EscrowVault vault;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.wagers")
    List<String> wagerEntries;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.ticket-ttl-seconds")
    long ticketTtlSeconds;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.matched-ticket-seconds")
    long matchedTicketSeconds;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.rated.start-width")
    int ratedStart;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.rated.step")
    int ratedStep;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.rated.step-millis")
    long ratedStepMillis;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.rated.cap")
    int ratedCap;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.unrated.start-width")
    int unratedStart;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.unrated.step")
    int unratedStep;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.unrated.step-millis")
    long unratedStepMillis;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.unrated.cap")
    int unratedCap;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.pairing-interval-millis")
    long pairingIntervalMillis;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.max-pairs-per-step")
    int maxPairsPerStep;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.candidates-per-side")
    int candidatesPerSide;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.recover-after-millis")
    long recoverAfterMillis;

    @Inject
    @ConfigProperty(name = "solduel.matchmaking.status-interval-seconds")
    long statusIntervalSeconds;

    @Inject
    @ConfigProperty(name = "solduel.game.reconnect-grace-seconds")
    long reconnectGraceSeconds;

    private List<Lamports> wagers;
    private WideningPolicy rated;
    private WideningPolicy unrated;

    /** Refuses a configuration that cannot work, at start-up, naming the key. */
    @PostConstruct
    void check() {
        List<Lamports> parsed = new ArrayList<>();
        for (String entry : wagerEntries) {
            Lamports wager = Lamports.parse(entry.trim());
            if (wager.value() > 0) {
                try {
                    wagerSettings.limits().check(wager);
                } catch (RuntimeException outside) {
                    throw new IllegalStateException("solduel.matchmaking.wagers offers " + wager.value()
                            + " lamports, outside solduel.wager.min-lamports .. max-lamports: " + outside.getMessage());
                }
            }
            parsed.add(wager);
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException("solduel.matchmaking.wagers offers no wager");
        }
        wagers = List.copyOf(new LinkedHashSet<>(parsed));
        rated = new WideningPolicy(ratedStart, ratedStep, ratedStepMillis, ratedCap);
        unrated = new WideningPolicy(unratedStart, unratedStep, unratedStepMillis, unratedCap);
        if (maxPairsPerStep < 1 || candidatesPerSide < 1 || pairingIntervalMillis < 10 || ticketTtlSeconds < 1) {
            throw new IllegalStateException("solduel.matchmaking: max-pairs-per-step and candidates-per-side must be at least 1, "
                    + "pairing-interval-millis at least 10, ticket-ttl-seconds at least 1");
        }
    }

    /** The configured wagers in lamports ({@code solduel.matchmaking.wagers}), whether offered now or not. */
    public List<Lamports> wagers() {
        return wagers;
    }

    /**
     * The wagers a player may queue for now, in lamports: 0 when configured, and the configured
     * wagers above 0 only while this server has its escrow vault (deposits go there).
     */
    public List<Lamports> offeredWagers() {
        boolean vaultHere = wagers.stream().anyMatch(w -> w.value() > 0) && vault.available();
        return wagers.stream().filter(w -> w.value() == 0 || vaultHere).toList();
    }

    /** How long both players of a wagered match have to deposit, and the house fee its game keeps. */
    public WagerSettings wagerSettings() {
        return wagerSettings;
    }

    /**
     * Every configured bucket: each game type, each configured wager, rated and unrated (a wagered
     * bucket stays empty while the vault is missing, since nobody may join it).
     */
    public Set<Bucket> buckets() {
        Set<Bucket> all = new LinkedHashSet<>();
        for (GameType type : GameType.values()) {
            for (Lamports wager : wagers) {
                all.add(new Bucket(type, wager, true));
                all.add(new Bucket(type, wager, false));
            }
        }
        return all;
    }

    public WideningPolicy policy(Bucket bucket) {
        return bucket.rated() ? rated : unrated;
    }

    public long ticketTtlMillis() {
        return ticketTtlSeconds * 1000;
    }

    public long matchedTicketMillis() {
        return matchedTicketSeconds * 1000;
    }

    public long pairingIntervalMillis() {
        return pairingIntervalMillis;
    }

    public int maxPairsPerStep() {
        return maxPairsPerStep;
    }

    public int candidatesPerSide() {
        return candidatesPerSide;
    }

    public long recoverAfterMillis() {
        return recoverAfterMillis;
    }

    public long statusIntervalMillis() {
        return statusIntervalSeconds * 1000;
    }

    public long reconnectGraceMillis() {
        return reconnectGraceSeconds * 1000;
    }
}
