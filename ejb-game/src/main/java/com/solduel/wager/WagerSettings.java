package com.solduel.wager;

import com.solduel.money.Lamports;
import com.solduel.solana.rpc.Commitment;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The wager settings of this environment (MicroProfile Config {@code solduel.wager.*}). */
@ApplicationScoped
public class WagerSettings {

    @Inject
    @ConfigProperty(name = "solduel.wager.min-lamports")
    long minLamports;

    @Inject
    @ConfigProperty(name = "solduel.wager.max-lamports")
    long maxLamports;

    @Inject
    @ConfigProperty(name = "solduel.wager.house-fee-bps")
    int houseFeeBps;

    @Inject
    @ConfigProperty(name = "solduel.wager.deposit-seconds")
    long depositSeconds;

    @Inject
    @ConfigProperty(name = "solduel.wager.finalized-above-lamports")
    long finalizedAboveLamports;

    private WagerLimits limits;

    @PostConstruct
    void check() {
        limits = new WagerLimits(Lamports.of(minLamports), Lamports.of(maxLamports), houseFeeBps);
        if (depositSeconds < 1) {
            throw new IllegalArgumentException("solduel.wager.deposit-seconds must be at least 1, got " + depositSeconds);
        }
    }

    public WagerLimits limits() {
        return limits;
    }

    /** How long both players have to deposit once the second player joined. */
    public Duration depositWindow() {
        return Duration.ofSeconds(depositSeconds);
    }

    /** The commitment a deposit of this wager must reach before it is credited. */
    public Commitment commitmentFor(long wager) {
        return wager > finalizedAboveLamports ? Commitment.FINALIZED : Commitment.CONFIRMED;
    }

    public long finalizedAboveLamports() {
        return finalizedAboveLamports;
    }
}
