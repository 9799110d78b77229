package com.solduel.game.rules;

/**
 * What a game type shows about its state (scores, hit points...). A record per game type;
 * it must only hold what the viewer is allowed to see.
 */
public interface BoardView {
}
