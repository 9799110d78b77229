package com.solduel.game.rules;

/** The turn that just resolved ended the game. */
public record GameEnded(Outcome outcome) implements TurnEvent {

    @Override
    public String type() {
        return "GAME_ENDED";
    }
}
