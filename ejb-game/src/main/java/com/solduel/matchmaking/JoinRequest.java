package com.solduel.matchmaking;

import com.solduel.money.Lamports;
import java.util.Optional;

/** A request to wait for an opponent: the game type's name as sent, the wager, rated or not, an optional client seed. */
public record JoinRequest(String gameType, Lamports wager, boolean rated, Optional<String> clientSeed) {
}
