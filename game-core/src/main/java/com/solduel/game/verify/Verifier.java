package com.solduel.game.verify;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.fair.ServerSeed;
import com.solduel.game.rules.GameRules;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameTypes;
import com.solduel.game.rules.InvalidGameOptionsException;
import com.solduel.game.rules.LogReplayException;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.verify.Mismatch.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recomputes a game from its export: checks the server seed against its commitment, replays every
 * action through the same rules and fair RNG the server used, and compares the result with the
 * claim. Needs no server, database or network.
 */
public final class Verifier {

    /** Checks {@code export} and lists every problem found. */
    public VerificationReport verify(GameExport export) {
        List<Mismatch> mismatches = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        GameSetup setup = setup(export, mismatches);
        checkSequence(export.actions(), mismatches);
        ClaimedResult replayed = setup == null ? null : replay(export, setup, mismatches, notes);

        String digest = ActionLogDigest.of(export);
        if (!digest.equalsIgnoreCase(export.actionLogSha256())) {
            mismatches.add(Mismatch.of(Kind.LOG_DIGEST_MISMATCH, "the header and action log hash to " + digest
                    + ", the export says " + export.actionLogSha256()
                    + " (the actions, their order or the seeds were changed)"));
        }
        return new VerificationReport(export.gameId(), replayed, mismatches, notes);
    }

    private static GameSetup setup(GameExport export, List<Mismatch> mismatches) {
        ServerSeed serverSeed = null;
        try {
            serverSeed = new ServerSeed(export.serverSeed());
        } catch (IllegalArgumentException e) {
            mismatches.add(Mismatch.of(Kind.INVALID_SEED, "server seed: " + e.getMessage()));
        }
        if (serverSeed != null && !serverSeed.matches(export.serverSeedSha256())) {
            mismatches.add(Mismatch.of(Kind.COMMITMENT_MISMATCH, "SHA-256 of the revealed server seed is "
                    + serverSeed.sha256Hex() + ", but the commitment published at creation is "
                    + export.serverSeedSha256()));
        }
        PerSeat<ClientSeed> clientSeeds = PerSeat.of(seat -> clientSeed(export, seat, mismatches));
        GameRules<?> rules = GameTypes.rulesFor(export.gameType());
        if (rules.version() != export.rulesVersion()) {
            mismatches.add(Mismatch.of(Kind.UNSUPPORTED_RULES, "the game was played with " + export.gameType()
                    + " rules version " + export.rulesVersion() + "; this verifier replays version " + rules.version()));
            return null;
        }
        if (serverSeed == null || clientSeeds.p1() == null || clientSeeds.p2() == null) {
            return null;
        }
        return new GameSetup(export.gameId(), export.gameType(), export.options(), serverSeed, clientSeeds);
    }

    private static ClientSeed clientSeed(GameExport export, Seat seat, List<Mismatch> mismatches) {
        try {
            return new ClientSeed(Objects.requireNonNullElse(export.clientSeeds().get(seat), ""));
        } catch (IllegalArgumentException e) {
            mismatches.add(Mismatch.of(Kind.INVALID_SEED, "client seed of " + seat + ": " + e.getMessage()));
            return null;
        }
    }

    private static void checkSequence(List<LoggedAction> actions, List<Mismatch> mismatches) {
        int previous = 0;
        for (LoggedAction entry : actions) {
            int seq = entry.sequence();
            if (seq <= previous) {
                mismatches.add(new Mismatch(Kind.SEQUENCE_ORDER, seq,
                        "sequence numbers must strictly increase; " + seq + " follows " + previous));
            } else if (seq != previous + 1) {
                mismatches.add(new Mismatch(Kind.SEQUENCE_GAP, seq,
                        "expected sequence " + (previous + 1) + " next; " + (seq - previous - 1) + " missing"));
            }
            previous = Math.max(previous, seq);
        }
    }

    /** Replays the log; entries are renumbered 1..n so one bad sequence number does not hide the rest. */
    private static ClaimedResult replay(GameExport export, GameSetup setup, List<Mismatch> mismatches,
                                        List<String> notes) {
        Match<?> match;
        try {
            match = Match.start(setup);
        } catch (InvalidGameOptionsException e) {
            mismatches.add(Mismatch.of(Kind.UNSUPPORTED_RULES, e.getMessage()));
            return null;
        }
        List<LoggedAction> actions = export.actions();
        for (int i = 0; i < actions.size(); i++) {
            LoggedAction logged = actions.get(i);
            LoggedAction renumbered = new LoggedAction(i + 1, logged.seat(), logged.turn(), logged.action(),
                    logged.timedOut());
            try {
                match = match.replayStep(renumbered);
            } catch (LogReplayException e) {
                mismatches.add(new Mismatch(kindOf(e.problem()), logged.sequence(), e.detail()));
                return null;
            }
        }

        ClaimedResult claim = export.result();
        String reason = claim.outcome().reason();
        if (Outcome.FORFEIT.equals(reason) || Outcome.ABANDONED.equals(reason)) {
            match = forfeited(match, claim, actions, mismatches, notes);
        } else if (!claim.forfeits().isEmpty()) {
            mismatches.add(Mismatch.of(Kind.FORFEIT_MISMATCH, "forfeits are listed, but the result is "
                    + describe(claim.outcome())));
        } else if (!match.isFinished()) {
            mismatches.add(Mismatch.of(Kind.GAME_NOT_FINISHED, "the log ends in turn " + match.turn()
                    + " before the rules decide the game"));
        }
        if (!match.isFinished()) {
            return null;
        }

        ClaimedResult replayed = new ClaimedResult(match.outcome().orElseThrow(), match.turnsPlayed(), match.score());
        compare(claim, replayed, mismatches);
        return replayed;
    }

    /**
     * A game ended by forfeit (one seat) or abandoned (both at once): the rules must not have
     * decided it already; the listed forfeits must name the loser (both seats when abandoned); a
     * forfeit for MISSED_TURNS must show in the log (the seat's latest action timed out and it has
     * no action in the turn being played). Absence is observed by the server alone: noted, not proven.
     */
    private static Match<?> forfeited(Match<?> match, ClaimedResult claim, List<LoggedAction> actions,
                                      List<Mismatch> mismatches, List<String> notes) {
        if (match.isFinished()) {
            mismatches.add(Mismatch.of(Kind.RESULT_MISMATCH, "a " + claim.outcome().reason().toLowerCase()
                    + " is claimed, but the rules had already decided the game: " + describe(match.outcome().orElseThrow())));
            return match;
        }
        boolean abandoned = Outcome.ABANDONED.equals(claim.outcome().reason());
        java.util.Set<Seat> expected = abandoned ? java.util.EnumSet.allOf(Seat.class)
                : claim.outcome().winnerSeat().map(w -> java.util.EnumSet.of(w.other())).orElse(java.util.EnumSet.noneOf(Seat.class));
        if (expected.isEmpty() || (abandoned && !claim.outcome().isDraw())) {
            mismatches.add(Mismatch.of(Kind.RESULT_MISMATCH, abandoned ? "an abandoned game is claimed with a winner"
                    : "a forfeit is claimed without a winner"));
            return match;
        }
        if (claim.forfeits().isEmpty() && !abandoned) {
            // An export of format 1 does not say who forfeited or why.
            notes.add(expected.iterator().next() + " forfeited in turn " + match.turn()
                    + ": timers and disconnects are observed by the server, so the verifier checked only that "
                    + "the game was still undecided at that point.");
            return match.forfeit(expected.iterator().next());
        }
        java.util.Set<Seat> listed = java.util.EnumSet.noneOf(Seat.class);
        claim.forfeits().forEach(f -> listed.add(f.seat()));
        if (!listed.equals(expected) || claim.forfeits().size() != expected.size()) {
            mismatches.add(Mismatch.of(Kind.FORFEIT_MISMATCH, "the result needs " + expected
                    + " to have forfeited, the export lists " + claim.forfeits()));
            return match;
        }
        for (var forfeit : claim.forfeits()) {
            Seat seat = forfeit.seat();
            if (forfeit.cause() == com.solduel.game.rules.ForfeitCause.MISSED_TURNS) {
                LoggedAction last = null;
                for (LoggedAction action : actions) {
                    if (action.seat() == seat) {
                        last = action;
                    }
                }
                if (match.hasChosen(seat) || last == null || !last.timedOut()) {
                    mismatches.add(Mismatch.of(Kind.FORFEIT_MISMATCH, seat + " is said to have missed two turns in a row, "
                            + "but the log shows " + (match.hasChosen(seat) ? "its choice in turn " + match.turn()
                            : last == null ? "no timed-out turn" : "its own move in turn " + last.turn())));
                }
            } else {
                notes.add(seat + " forfeited in turn " + match.turn() + " for being absent: connections are observed "
                        + "by the server, so the verifier checked only that the game was still undecided then.");
            }
        }
        return abandoned ? match.abandon() : match.forfeit(expected.iterator().next());
    }

    private static void compare(ClaimedResult claim, ClaimedResult replayed, List<Mismatch> mismatches) {
        if (!claim.outcome().equals(replayed.outcome())) {
            mismatches.add(Mismatch.of(Kind.RESULT_MISMATCH, "the export claims " + describe(claim.outcome())
                    + ", the replay gives " + describe(replayed.outcome())));
        }
        if (claim.turnsPlayed() != replayed.turnsPlayed()) {
            mismatches.add(Mismatch.of(Kind.RESULT_MISMATCH, "the export claims " + claim.turnsPlayed()
                    + " turns, the replay plays " + replayed.turnsPlayed()));
        }
        if (!claim.score().equals(replayed.score())) {
            mismatches.add(Mismatch.of(Kind.RESULT_MISMATCH, "the export claims a final score of "
                    + score(claim.score()) + ", the replay gives " + score(replayed.score())));
        }
    }

    private static Kind kindOf(LogReplayException.Problem problem) {
        return switch (problem) {
            case SEQUENCE -> Kind.SEQUENCE_GAP;
            case AFTER_END -> Kind.ACTION_AFTER_END;
            case WRONG_TURN -> Kind.WRONG_TURN;
            case DUPLICATE_SEAT -> Kind.DUPLICATE_ACTION;
            case DEFAULT_MISMATCH -> Kind.DEFAULT_ACTION_MISMATCH;
            case ILLEGAL_ACTION -> Kind.ILLEGAL_ACTION;
        };
    }

    /** "P1 wins (KNOCKOUT)" or "a draw (TURN_CAP)". */
    static String describe(Outcome outcome) {
        return (outcome.isDraw() ? "a draw" : outcome.winner() + " wins") + " (" + outcome.reason() + ")";
    }

    /** "P1 2 – P2 1". */
    static String score(PerSeat<Integer> score) {
        return "P1 " + score.p1() + " – P2 " + score.p2();
    }
}
