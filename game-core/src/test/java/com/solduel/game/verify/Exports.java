package com.solduel.game.verify;

import com.solduel.game.rules.LoggedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Copies of an export with one part changed, for tampering tests. */
final class Exports {

    private Exports() {
    }

    static GameExport withActions(GameExport e, List<LoggedAction> actions) {
        return new GameExport(e.gameId(), e.gameType(), e.rulesVersion(), e.options(), e.serverSeed(),
                e.serverSeedSha256(), e.clientSeeds(), actions, e.actionLogSha256(), e.result());
    }

    static GameExport editActions(GameExport e, UnaryOperator<List<LoggedAction>> edit) {
        return withActions(e, edit.apply(new ArrayList<>(e.actions())));
    }

    static GameExport withResult(GameExport e, ClaimedResult result) {
        return new GameExport(e.gameId(), e.gameType(), e.rulesVersion(), e.options(), e.serverSeed(),
                e.serverSeedSha256(), e.clientSeeds(), e.actions(), e.actionLogSha256(), result);
    }

    static GameExport withSeeds(GameExport e, String serverSeed, String commitment) {
        return new GameExport(e.gameId(), e.gameType(), e.rulesVersion(), e.options(), serverSeed,
                commitment, e.clientSeeds(), e.actions(), e.actionLogSha256(), e.result());
    }

    /** The export with its digest recomputed, as a forger who controls the whole file would do. */
    static GameExport redigested(GameExport e) {
        return new GameExport(e.gameId(), e.gameType(), e.rulesVersion(), e.options(), e.serverSeed(),
                e.serverSeedSha256(), e.clientSeeds(), e.actions(), ActionLogDigest.of(e), e.result());
    }

    static LoggedAction withCode(LoggedAction a, String code) {
        return new LoggedAction(a.sequence(), a.seat(), a.turn(), code, a.timedOut());
    }

    static LoggedAction withSequence(LoggedAction a, int sequence) {
        return new LoggedAction(sequence, a.seat(), a.turn(), a.action(), a.timedOut());
    }
}
