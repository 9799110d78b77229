package com.solduel.player;

import com.solduel.game.rules.GameType;
import com.solduel.infra.db.SqlValues;
import com.solduel.leaderboard.Leaderboard;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads players: one profile by wallet (through the Redis cache) or a page in a ranking order. */
@Stateless
public class PlayerDirectory {

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @Inject
    PlayerStateCache cache;

    @Inject
    Leaderboard leaderboard;

    @EJB
    PlayerRegistry registry;

    @Inject
    @ConfigProperty(name = "solduel.profile.history-points")
    int historyPoints;

    /**
     * The profile of the player who signed in with {@code wallet}: cached for 5 minutes (evicted
     * when one of their games ends); the ranks are read from the leaderboards on every call.
     */
    public PlayerLookup find(WalletAddress wallet) {
        var cached = cache.get(wallet);
        PlayerProfile profile;
        if (cached.isPresent()) {
            profile = cached.get();
        } else {
            profile = registry.find(wallet).map(this::profileOf).orElseThrow(() -> new PlayerNotFoundException(wallet));
            cache.put(profile);
        }
        Map<String, Long> ranks = new TreeMap<>();
        profile.ratings().forEach((type, stats) -> {
            if (stats.ratedGames() > 0) {
                leaderboard.rank(GameType.valueOf(type), wallet.value()).ifPresent(rank -> ranks.put(type, rank));
            }
        });
        return new PlayerLookup(profile.withRanks(ranks), cached.isPresent());
    }

    /** Page {@code page} (from 0) of {@code size} players in the given order. */
    public PlayerPage page(int page, int size, PlayerRanking ranking) {
        List<PlayerState> items = em.createQuery("SELECT p FROM Player p ORDER BY " + ranking.jpqlOrder(), Player.class)
                .setFirstResult(Math.multiplyExact(page, size))
                .setMaxResults(size)
                .getResultStream()
                .map(Player::toState)
                .toList();
        long total = em.createQuery("SELECT COUNT(p) FROM Player p", Long.class).getSingleResult();
        return new PlayerPage(items, page, size, total);
    }

    private PlayerProfile profileOf(Player player) {
        Map<String, GameTypeStats> ratings = new TreeMap<>();
        for (GameType type : GameType.values()) {
            ratings.put(type.name(), new GameTypeStats(com.solduel.rating.RatingScheme.INITIAL_RATING, null, 0, 0, 0, 0, null));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(game_type AS text), rating, rated_games, wins, losses, draws "
                        + "FROM player_ratings WHERE player_id = ?1")
                .setParameter(1, player.id())
                .getResultList();
        int ratedGames = 0;
        int draws = 0;
        for (Object[] row : rows) {
            int games = ((Number) row[2]).intValue();
            int wins = ((Number) row[3]).intValue();
            ratedGames += games;
            draws += ((Number) row[5]).intValue();
            ratings.put((String) row[0], new GameTypeStats(((Number) row[1]).intValue(), null, games, wins,
                    ((Number) row[4]).intValue(), ((Number) row[5]).intValue(), games == 0 ? null : rate(wins, games)));
        }
        Map<String, List<RatingPoint>> history = new TreeMap<>();
        for (GameType type : GameType.values()) {
            history.put(type.name(), history(player.id(), type));
        }
        long played = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM games WHERE (player1_id = ?1 OR player2_id = ?1) "
                        + "AND status IN ('COMPLETED', 'ABORTED')")
                .setParameter(1, player.id())
                .getSingleResult()).longValue();
        PlayerState state = player.toState();
        int decided = state.wins() + state.losses() + draws;
        return new PlayerProfile(state.id(), state.walletAddress(), state.username(), state.eloRating(), state.wins(),
                state.losses(), draws, state.totalEarnings(), state.nftProfileMint(), state.createdAt(), played, ratedGames,
                decided == 0 ? null : rate(state.wins(), decided), ratings, history);
    }

    private List<RatingPoint> history(int playerId, GameType type) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT game_id, rating_before, rating_after, recorded_at FROM rating_history "
                        + "WHERE player_id = ?1 AND game_type = CAST(?2 AS game_type_enum) ORDER BY id DESC LIMIT ?3")
                .setParameter(1, playerId)
                .setParameter(2, type.name())
                .setParameter(3, historyPoints)
                .getResultList();
        List<RatingPoint> points = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            points.add(new RatingPoint(((Number) row[0]).longValue(), ((Number) row[1]).intValue(),
                    ((Number) row[2]).intValue(), SqlValues.instant(row[3])));
        }
        Collections.reverse(points);
        return points;
    }

    private static double rate(int wins, int games) {
        return Math.round(wins * 10_000.0 / games) / 10_000.0;
    }
}
