package com.solduel.game.live;

import com.solduel.game.rules.Outcome;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The seed's game metrics: {@code sol_duel_active_games_total}, {@code sol_duel_game_completions_total{result_type}}
 * and {@code sol_duel_game_duration_seconds} (buckets 30..1200 s, set in microprofile-config.properties), all
 * registered at start; {@code sol_duel_game_capacity}, the games this node may own (for the capacity alert); and
 * {@code sol_duel_action_processing_seconds}, from a player's action reaching the game's owner to its
 * acknowledgement and results queued for every player (the action's durable write included).
 */
@ApplicationScoped
public class GameMetrics {

    @Inject
    MetricRegistry registry;

    private final AtomicLong active = new AtomicLong();
    /** Looked up once: it is updated on every action. */
    private Timer actionTimer;

    /** Registers the gauge when the application starts, so /metrics shows it before the first game. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the event instantiates this bean; @PostConstruct does the registration.
    }

    private static final Metadata COMPLETIONS = Metadata.builder().withName("sol_duel_game_completions")
            .withDescription("Total number of completed games").build();
    private static final Metadata DURATION = Metadata.builder().withName("sol_duel_game_duration")
            .withUnit(MetricUnits.SECONDS).withDescription("Game duration in seconds").build();
    private static final Metadata ACTION = Metadata.builder().withName("sol_duel_action_processing")
            .withUnit(MetricUnits.SECONDS).withDescription("From a player's action reaching the game's owner to its "
                    + "acknowledgement and results queued for every player, the durable write of the action included")
            .build();
    /** Every value of {@code result_type}. */
    static final List<String> RESULT_TYPES = List.of("win", "draw", "forfeit");

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("sol_duel_active_games_total")
                .withDescription("Number of currently active games").build(), active, AtomicLong::get);
        // Every series exists from the start at 0, so rate() and alerts see the first game too.
        RESULT_TYPES.forEach(type -> registry.counter(COMPLETIONS, new Tag("result_type", type)));
        registry.histogram(DURATION);
        actionTimer = registry.timer(ACTION);
    }

    /** An accepted action took {@code nanos} from arrival to its answers queued. */
    void actionProcessed(long nanos) {
        actionTimer.update(Duration.ofNanos(nanos));
    }

    /** Publishes how many games this node may own at once (0 on a node without the engine role). */
    void capacity(long games) {
        registry.gauge(Metadata.builder().withName("sol_duel_game_capacity")
                .withDescription("Games this node may own at once (solduel.game.max-games-per-node; 0 without the engine role)")
                .build(), () -> games);
    }

    /** Games this node is playing: claimed here, not over, not gone to another node. */
    long activeGames() {
        return active.get();
    }

    void gameStarted() {
        active.incrementAndGet();
    }

    /** A game this node was playing went to another node (or is being reloaded). */
    void gameLeft() {
        active.decrementAndGet();
    }

    /** Counts the result ({@code win}, {@code draw} or {@code forfeit}) and the game's length. */
    void gameEnded(Outcome outcome, double seconds) {
        active.decrementAndGet();
        String resultType = Outcome.FORFEIT.equals(outcome.reason()) || Outcome.ABANDONED.equals(outcome.reason())
                ? "forfeit" : outcome.isDraw() ? "draw" : "win";
        registry.counter(COMPLETIONS, new Tag("result_type", resultType)).inc();
        registry.histogram(DURATION).update(Math.round(seconds));
    }
}
