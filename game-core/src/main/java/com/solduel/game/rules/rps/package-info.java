/** Rock, paper, scissors over best of 1, 3 or 5 rounds; rules in {@code docs/games.md}. */
package com.solduel.game.rules.rps;
