/**
 * Game exports and the offline verifier: anyone can check, without the server, that a finished
 * game's result follows from its committed seeds and its action log. JSON through Jakarta JSON-P
 * (the server provides it; the command line uses Parsson).
 */
package com.solduel.game.verify;
