/**
 * The rules engine: the {@link com.solduel.game.rules.GameRules} interface a game type implements,
 * the registry {@link com.solduel.game.rules.GameTypes}, and {@link com.solduel.game.rules.Match},
 * an immutable game in progress (hidden choices, default actions, action log, views).
 *
 * <p>Plain Java, no Jakarta imports: the same code runs in the server and in the offline verifier.
 * Game types live in sub-packages ({@code rps}, {@code duel}).
 */
package com.solduel.game.rules;
