package com.solduel.game.verify;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code VerifyCli export.json}: verifies a game export offline. Prints VERIFIED, or FAILED and
 * each mismatch. Exit status 0 verified, 1 mismatches found, 2 unreadable input or bad usage.
 * {@code -} reads the export from standard input.
 */
public final class VerifyCli {

    /** Exit status: the export checks out. */
    public static final int VERIFIED = 0;
    /** Exit status: the export was read but does not check out. */
    public static final int FAILED = 1;
    /** Exit status: bad arguments, or the file is missing or not a game export. */
    public static final int UNREADABLE = 2;

    private VerifyCli() {
    }

    /** Runs the verifier and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verifier, printing to the given streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || args[0].isBlank()) {
            err.println("usage: VerifyCli <export.json | ->");
            return UNREADABLE;
        }
        GameExport export;
        try (Reader in = "-".equals(args[0])
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            export = GameExportJson.read(in);
        } catch (IOException e) {
            err.println("UNREADABLE: cannot read " + args[0] + ": " + e);
            return UNREADABLE;
        } catch (MalformedExportException e) {
            err.println("UNREADABLE: " + args[0] + " is not a SOL Duel game export: " + e.getMessage());
            return UNREADABLE;
        }

        VerificationReport report = new Verifier().verify(export);
        String game = "game " + export.gameId() + " (" + export.gameType()
                + (export.options().bestOf() > 1 ? ", best of " + export.options().bestOf() : "") + ")";
        if (report.ok()) {
            ClaimedResult result = report.replayed();
            out.println("VERIFIED " + game + ": " + Verifier.describe(result.outcome()) + ", "
                    + Verifier.score(result.score()) + ", after " + result.turnsPlayed() + " turns");
        } else {
            out.println("FAILED " + game + ": " + report.mismatches().size() + " mismatch(es)");
            report.mismatches().forEach(m -> out.println("  " + m));
        }
        report.notes().forEach(note -> out.println("  note: " + note));
        return report.ok() ? VERIFIED : FAILED;
    }
}
