package com.solduel.api.game;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of {@code GET /api/games/{id}/export} for the OpenAPI document: the export is written with
 * JSON-P by {@code GameExportJson} (game-core), whose round-trip and documented-example tests pin these fields.
 */
@Schema(name = "GameExport", description = "A finished game's seeds, action log and claimed result (docs/games.md)",
        requiredProperties = {"format", "gameId", "gameType", "rulesVersion", "options", "serverSeed", "serverSeedSha256",
                "clientSeeds", "actions", "actionLogSha256", "result"})
record GameExportSchema(
        @Schema(description = "The export format", example = "solduel-game-export/2") String format,
        @Schema(format = "int64", example = "42") long gameId,
        @Schema(enumeration = {"RPS", "DUEL"}, example = "RPS") String gameType,
        @Schema(description = "Version of the rules the game was played under", format = "int32", example = "1") int rulesVersion,
        Options options,
        @Schema(description = "The revealed server seed (hex)", example = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
        String serverSeed,
        @Schema(description = "SHA-256 (hex) of the server seed, as committed at creation",
                example = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd") String serverSeedSha256,
        @Schema(description = "Client seed per seat (P1, P2)", additionalProperties = String.class) Map<String, String> clientSeeds,
        @Schema(description = "Every accepted action in order") List<Action> actions,
        @Schema(description = "SHA-256 (hex) chained over the action log",
                example = "0fbea991f9e11966c901fe0522dd5d9a33ac1cc8cd891efc9d4ff8f5df9c9bd7") String actionLogSha256,
        Result result) {

    @Schema(name = "GameExportOptions", requiredProperties = "bestOf")
    record Options(@Schema(format = "int32", example = "3") int bestOf) {
    }

    @Schema(name = "GameExportAction", requiredProperties = {"seq", "seat", "turn", "action", "timedOut"})
    record Action(@Schema(format = "int32", example = "1") int seq,
                  @Schema(enumeration = {"P1", "P2"}, example = "P1") String seat,
                  @Schema(format = "int32", example = "1") int turn,
                  @Schema(example = "ROCK") String action,
                  @Schema(description = "The clock ran out and the fair RNG chose", example = "false") boolean timedOut) {
    }

    @Schema(name = "GameExportResult", requiredProperties = {"outcome", "reason", "turnsPlayed", "score", "forfeits"})
    record Result(@Schema(description = "P1, P2 or DRAW", example = "P1") String outcome,
                  @Schema(example = "ROUNDS_WON") String reason,
                  @Schema(format = "int32", example = "4") int turnsPlayed,
                  @Schema(additionalProperties = Integer.class) Map<String, Integer> score,
                  List<Forfeit> forfeits) {
    }

    @Schema(name = "GameExportForfeit", requiredProperties = {"seat", "cause"})
    record Forfeit(@Schema(enumeration = {"P1", "P2"}) String seat,
                   @Schema(enumeration = {"MISSED_TURNS", "ABSENT"}) String cause) {
    }
}
