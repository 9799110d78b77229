package com.solduel.game.live;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.table.GameLog;
import com.solduel.game.table.GameOver;
import com.solduel.game.table.GameRefusedException;
import com.solduel.game.table.LogRow;
import com.solduel.game.verify.GameExport;
import com.solduel.shared.SolDuelException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * Reading games (the REST summary and export): from this node's copy when it owns the game, else
 * from the Redis session when it holds every stored row, else from PostgreSQL. Reading never
 * takes a game over and never reveals a pending choice or, before the end, the server seed.
 */
@ApplicationScoped
public class GameReads {

    @Inject
    OwnedGames owned;

    @Inject
    GameRecords records;

    @Inject
    SessionStore sessions;

    /** The finished game's export (seeds revealed, action log, result); refused while the game runs. */
    public GameExport export(long gameId) {
        GameLog log = read(gameId).orElseThrow(() -> new GameRefusedException("game-not-finished", Kind.CONFLICT,
                "game " + gameId + " is waiting for its second player: its server seed is secret until the end"));
        if (log.gameOver().isEmpty()) {
            throw new GameRefusedException("game-not-finished", Kind.CONFLICT,
                    "game " + gameId + " has no result (it is still being played, or an admin aborted it): its server seed "
                            + "is secret until the end");
        }
        return GameExport.of(log.match(), log.forfeits().stream().map(LogRow.Forfeit::forfeited).toList());
    }

    /** The public summary of a game: players, status, result; the server seed only once it is over. */
    public GameSummary summary(long gameId) {
        Optional<GameLog> read = read(gameId);
        if (read.isEmpty()) {
            GameRecords.StoredGame waiting = records.load(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
            Map<String, String> players = new TreeMap<>(Map.of("P1", waiting.wallet1()));
            Map<String, String> clientSeeds = new TreeMap<>();
            waiting.metadata().getJsonObject("clientSeeds").forEach((seat, seed) -> clientSeeds.put(seat,
                    ((jakarta.json.JsonString) seed).getString()));
            if (waiting.wallet2() != null) {
                players.put("P2", waiting.wallet2()); // a wagered game awaiting (or cancelled for want of) deposits
            }
            return new GameSummary(gameId, waiting.type().name(), waiting.metadata().getInt("bestOf"),
                    waiting.status().name(), players, clientSeeds,
                    waiting.serverSeedHash(), null, null, null, null, null);
        }
        GameLog log = read.get();
        Match<?> match = log.match();
        Optional<GameOver> over = log.gameOver();
        String status = over.map(o -> Outcome.ABANDONED.equals(o.outcome().reason()) ? GameStatus.ABORTED
                : GameStatus.COMPLETED).orElseGet(() -> adminAborted(gameId) ? GameStatus.ABORTED : GameStatus.IN_PROGRESS).name();
        GameSetup setup = log.setup();
        return new GameSummary(gameId, setup.type().name(), setup.options().bestOf(), status, seats(log.wallets()),
                seats(setup.clientSeeds().map(ClientSeed::value)), log.serverSeedSha256(), match.turn(),
                Map.of("P1", match.score().p1(), "P2", match.score().p2()),
                over.map(o -> o.outcome().code()).orElse(null), over.map(o -> o.outcome().reason()).orElse(null),
                over.map(GameOver::serverSeed).orElse(null));
    }

    /** A started game's log as it stands; empty while it waits for its second player. */
    private Optional<GameLog> read(long gameId) {
        Optional<LiveGame> local = owned.local(gameId);
        if (local.isPresent()) {
            LiveGame game = local.get();
            synchronized (game) {
                if (!game.dropped) {
                    return Optional.of(game.table.log());
                }
            }
        }
        GameRecords.StoredGame header = records.loadHeader(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId));
        if (!header.started()) {
            return Optional.empty();
        }
        if (header.status() == GameStatus.IN_PROGRESS) {
            // The mirror is used only when it has every row PostgreSQL has (it may lag by a few ms).
            Optional<List<LogRow>> mirrored = sessions.rows(gameId)
                    .filter(rows -> rows.size() >= records.lastSequence(gameId));
            if (mirrored.isPresent()) {
                return Optional.of(GameLog.rebuild(header.setup(), header.wallets(), mirrored.get(), Optional.empty()));
            }
        }
        return Optional.of(records.load(gameId).orElseThrow(() -> GameRefusedException.notFound(gameId)).log());
    }

    /** A game without a result is ABORTED only when an admin aborted it during play. */
    private boolean adminAborted(long gameId) {
        return records.loadHeader(gameId).map(header -> header.status() == GameStatus.ABORTED).orElse(false);
    }

    private static Map<String, String> seats(PerSeat<String> values) {
        return Map.of("P1", values.p1(), "P2", values.p2());
    }
}
