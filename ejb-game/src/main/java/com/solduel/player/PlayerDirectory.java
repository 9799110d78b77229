package com.solduel.player;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads players: one by wallet (through the Redis cache) or a page in a ranking order. */
@Stateless
public class PlayerDirectory {

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @Inject
    PlayerStateCache cache;

    @EJB
    PlayerRegistry registry;

    /** The player who signed in with {@code wallet}; cached for 5 minutes. */
    public PlayerLookup find(WalletAddress wallet) {
        var cached = cache.get(wallet);
        if (cached.isPresent()) {
            return new PlayerLookup(cached.get(), true);
        }
        PlayerState state = registry.find(wallet)
                .map(Player::toState)
                .orElseThrow(() -> new PlayerNotFoundException(wallet));
        cache.put(state);
        return new PlayerLookup(state, false);
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
}
