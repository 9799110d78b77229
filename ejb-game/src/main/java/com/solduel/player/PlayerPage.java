package com.solduel.player;

import java.util.List;

/** One page of players; {@code total} counts all players so a client can page to the end. */
public record PlayerPage(List<PlayerState> items, int page, int size, long total) {
}
