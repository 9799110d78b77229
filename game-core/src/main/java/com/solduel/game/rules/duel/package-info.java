/** DUEL: hit points, energy and four actions resolved simultaneously; rules in {@code docs/games.md}. */
package com.solduel.game.rules.duel;
