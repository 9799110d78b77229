package com.solduel.game.table;

import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnEvent;
import java.util.List;
import java.util.Optional;

/**
 * A turn resolved: both moves revealed, what happened, the score after it and the action-log
 * digest so far. {@code nextTurn} is empty when this turn ended the game.
 */
public record TurnPlayed(long version, long gameId, int turn, PerSeat<String> moves, List<Seat> timedOut,
                         List<TurnEvent> events, PerSeat<Integer> score, String actionLogSha256,
                         Optional<Integer> nextTurn) implements VersionedEvent {

    /** Copies the lists. */
    public TurnPlayed {
        timedOut = List.copyOf(timedOut);
        events = List.copyOf(events);
    }
}
