package com.solduel.game.rules;

/** Both hidden choices of a turn, shown together once the turn resolves. */
public record MovesRevealed(int turn, PerSeat<String> actions) implements TurnEvent {

    @Override
    public String type() {
        return "MOVES_REVEALED";
    }
}
