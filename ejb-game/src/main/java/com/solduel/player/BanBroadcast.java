package com.solduel.player;

import com.solduel.infra.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells every node, over Redis pub/sub ({@link #CHANNEL}), that a ban was written or lifted, once
 * the transaction that wrote it has committed. Each node's game sockets listen there and close the
 * banned player's sockets. Best effort: when Redis cannot be reached the ban still holds for every
 * new handshake, game and sign-in (they read PostgreSQL); sockets already open close when their
 * node listens again (it then checks its connected players against PostgreSQL).
 */
@ApplicationScoped
public class BanBroadcast {

    /** The channel; a message is {@code banned|<wallet>} or {@code unbanned|<wallet>}. */
    public static final String CHANNEL = "solduel:players:bans";
    private static final String BANNED = "banned|";
    private static final String UNBANNED = "unbanned|";
    private static final Logger LOG = Logger.getLogger(BanBroadcast.class.getName());

    @Inject
    RedisConnection redis;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlayerBanChanged change) {
        try {
            redis.client().publish(CHANNEL, message(change));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the " + (change.banned() ? "ban" : "unban") + " of " + change.wallet().value()
                    + " was written but not announced to the nodes (" + e.getMessage()
                    + "); the player's open sockets close when the nodes listen to Redis again");
        }
    }

    static String message(PlayerBanChanged change) {
        return (change.banned() ? BANNED : UNBANNED) + change.wallet().value();
    }

    /** The change a message on {@link #CHANNEL} announces; empty for anything else. */
    public static Optional<PlayerBanChanged> parse(String message) {
        try {
            if (message.startsWith(BANNED)) {
                return Optional.of(new PlayerBanChanged(WalletAddress.of(message.substring(BANNED.length())), true));
            }
            if (message.startsWith(UNBANNED)) {
                return Optional.of(new PlayerBanChanged(WalletAddress.of(message.substring(UNBANNED.length())), false));
            }
        } catch (InvalidWalletAddressException e) {
            // not one of ours
        }
        return Optional.empty();
    }
}
