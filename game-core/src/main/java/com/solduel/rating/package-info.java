/** Player ratings: Elo with K = 32, plain Java so a rating change can be recomputed anywhere. */
package com.solduel.rating;
