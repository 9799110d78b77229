package com.solduel.game.table;

import com.solduel.game.rules.PerSeat;

/** What recording a result changed for the players: each seat's rating after the game and the change. */
public record Settlement(PerSeat<Integer> ratings, PerSeat<Integer> ratingChanges) {
}
