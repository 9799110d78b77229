/**
 * Player ratings: the Elo scheme with a provisional K for a player's first games and a floor
 * ({@link com.solduel.rating.RatingScheme}, docs/ratings.md); plain Java, so a rating change can
 * be recomputed anywhere.
 */
package com.solduel.rating;
