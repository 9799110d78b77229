package com.solduel.game.verify;

import com.solduel.game.fair.ServerSeed;
import com.solduel.game.rules.Forfeited;
import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.PerSeat;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to recompute a finished game without the server; written as JSON by
 * {@link GameExportJson}. Seeds stay plain strings so a malformed one is reported by the
 * {@link Verifier} rather than refused on reading.
 *
 * @param rulesVersion     {@link com.solduel.game.rules.GameRules#version()} the game was played with
 * @param serverSeed       the revealed server seed, 64 hex digits
 * @param serverSeedSha256 the commitment published when the game was created
 * @param clientSeeds      both players' client seeds
 * @param actions          the action log in sequence order
 * @param actionLogSha256  the {@link ActionLogDigest} the players were shown at the end of the game
 * @param result           the result the server declared
 */
public record GameExport(long gameId, GameType gameType, int rulesVersion, GameOptions options,
                         String serverSeed, String serverSeedSha256, PerSeat<String> clientSeeds,
                         List<LoggedAction> actions, String actionLogSha256, ClaimedResult result) {

    /** Identifies the JSON format; bumped on incompatible changes. */
    public static final String FORMAT = "solduel-game-export/2";
    /** The earlier format, still read: it has no {@code result.forfeits}. */
    public static final String FORMAT_1 = "solduel-game-export/1";

    /** Rejects missing parts and copies the log. */
    public GameExport {
        Objects.requireNonNull(gameType, "gameType");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(serverSeed, "serverSeed");
        Objects.requireNonNull(serverSeedSha256, "serverSeedSha256");
        Objects.requireNonNull(clientSeeds, "clientSeeds");
        Objects.requireNonNull(actionLogSha256, "actionLogSha256");
        Objects.requireNonNull(result, "result");
        actions = List.copyOf(actions);
    }

    /** The export of a finished match nobody forfeited; reveals its server seed. */
    public static GameExport of(Match<?> match) {
        return of(match, List.of());
    }

    /** The export of a finished match with who forfeited and why; reveals its server seed. */
    public static GameExport of(Match<?> match, List<Forfeited> forfeits) {
        if (!match.isFinished()) {
            throw new IllegalStateException("only a finished game can be exported: its server seed is still secret");
        }
        var setup = match.setup();
        ServerSeed seed = setup.serverSeed();
        return new GameExport(setup.gameId(), setup.type(), match.rules().version(), setup.options(),
                seed.hex(), seed.sha256Hex(), setup.clientSeeds().map(c -> c.value()), match.log(),
                ActionLogDigest.of(match),
                new ClaimedResult(match.outcome().orElseThrow(), match.turnsPlayed(), match.score(), forfeits));
    }
}
