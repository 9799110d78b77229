/**
 * Provably fair randomness: a committed server seed, the players' client seeds and an
 * HMAC-SHA256 draw function anyone can recompute (byte layout in {@code docs/games.md}).
 * Plain Java on purpose: the verifier runs it without a server.
 */
package com.solduel.game.fair;
