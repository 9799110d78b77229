package com.solduel.matchmaking;

import com.solduel.game.rules.GameType;
import com.solduel.money.Lamports;
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
                // Wagered games wait for deposits into escrow: that arrives with the money issue.
                throw new IllegalStateException("solduel.matchmaking.wagers offers " + wager.value()
                        + " lamports, but wagered queues open with deposits and escrow (not yet built): offer 0 only");
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

    /** The wagers a player may queue for, in lamports. */
    public List<Lamports> wagers() {
        return wagers;
    }

    /** Every bucket players may join: each game type, each offered wager, rated and unrated. */
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
