package com.solduel.api.game;

import com.solduel.auth.PlayerTokens;
import com.solduel.game.live.CreatedGame;
import com.solduel.game.live.GameReads;
import com.solduel.game.live.GameSummary;
import com.solduel.game.live.JoinedGame;
import com.solduel.game.live.PrivateChallenges;
import com.solduel.game.rules.GameType;
import com.solduel.game.verify.GameExportJson;
import com.solduel.money.Lamports;
import com.solduel.wager.DepositCredited;
import com.solduel.wager.DepositInstructions;
import com.solduel.wager.Deposits;
import com.solduel.player.WalletAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Private challenges (create, join by invite code), wagered games' deposits, game summaries and the verifiable export. */
@ApplicationScoped
@Path("/games")
@Produces(MediaType.APPLICATION_JSON)
public class GameResource {

    @Inject
    PrivateChallenges challenges;

    @Inject
    GameReads games;

    @Inject
    Deposits deposits;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlayerTokens.PLAYER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create a private challenge, free or with a wager; share the invite code with your opponent",
            description = "It is cancelled if nobody joins within solduel.game.challenge-ttl-minutes (30 by default). "
                    + "Rated unless `rated` is false: an unrated game's result changes no rating (docs/ratings.md). "
                    + "With a wager above 0, the game waits for both players' deposits once the second player joins "
                    + "(docs/money.md).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateGameRequest.class),
            examples = @ExampleObject(name = "rps-best-of-3",
                    value = "{\"gameType\": \"RPS\", \"bestOf\": 3, \"clientSeed\": \"alice\", \"rated\": true, \"wager\": 50000000}")))
    @APIResponse(responseCode = "201", description = "The game, its invite code and server seed hash",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CreatedGame"),
                    examples = @ExampleObject(name = "created", value = "{\"gameId\": 42, \"gameType\": \"RPS\", "
                            + "\"bestOf\": 3, \"inviteCode\": \"ABCD2345\", \"serverSeedSha256\": \"630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd\", "
                            + "\"seat\": \"P1\", \"clientSeed\": \"alice\", \"rated\": true, \"wager\": 50000000}")))
    @APIResponse(responseCode = "400", description = ApiSchemas.BAD_JSON_BODY + ", options the game type does not allow, e.g. bestOf other than 1, 3 or 5 for RPS (`invalid-game-options`), a client seed that is not 1 to 64 printable ASCII characters (`invalid-client-seed`), a wager that is not an exact JSON integer of lamports (`invalid-number`), or a wager above 0 outside solduel.wager.min-lamports..max-lamports (`invalid-wager`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The player is banned (`player-banned`), or the token's wallet has no player (`player-not-found`): sign in again",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "`too-many-open-challenges`: the player already has solduel.game.open-challenges-per-player (3 by default) challenges nobody joined yet",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = ApiSchemas.TOO_LARGE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = ApiSchemas.UNSUPPORTED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE + "; or `vault-unavailable`: a wager above 0 on a server without an escrow vault (free play works)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull(message = "a JSON body {\"gameType\": ...} is required") CreateGameRequest request) {
        GameType type = GameType.parse(request.gameType());
        int bestOf = request.bestOf() == null ? 1 : request.bestOf();
        CreatedGame game = challenges.create(WalletAddress.of(token.getSubject()), type, bestOf,
                Optional.ofNullable(request.clientSeed()), request.rated() == null || request.rated(),
                request.wager() == null ? Lamports.ZERO : request.wager());
        return Response.status(Response.Status.CREATED).entity(game).build();
    }

    @POST
    @Path("/join")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlayerTokens.PLAYER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Join a private challenge by its invite code; a free game starts at once, a wagered one awaits both deposits")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JoinGameRequest.class),
            examples = @ExampleObject(name = "join", value = "{\"inviteCode\": \"ABCD2345\", \"clientSeed\": \"bob\"}")))
    @APIResponse(responseCode = "200", description = "The joined game, your seat, and its status (IN_PROGRESS, or AWAITING_DEPOSITS for a wager)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JoinedGame"),
                    examples = @ExampleObject(name = "joined", value = "{\"gameId\": 42, \"gameType\": \"RPS\", "
                            + "\"bestOf\": 3, \"serverSeedSha256\": \"630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd\", \"seat\": \"P2\", "
                            + "\"clientSeed\": \"bob\", \"opponent\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", \"opponentClientSeed\": \"alice\", \"status\": \"IN_PROGRESS\", \"wager\": 0}")))
    @APIResponse(responseCode = "400", description = ApiSchemas.BAD_JSON_BODY + ", or a client seed that is not 1 to 64 printable ASCII characters (`invalid-client-seed`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The player is banned (`player-banned`), or the token's wallet has no player (`player-not-found`): sign in again",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`invite-not-found`: no game has this invite code",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "`own-game` (you created it), `game-already-started` (someone else joined), or `challenge-expired` (nobody joined in time, the game was cancelled)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = ApiSchemas.TOO_LARGE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = ApiSchemas.UNSUPPORTED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "`no-capacity`: no game server has room for another game; retry later. Or " + ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public JoinedGame join(@Valid @NotNull(message = "a JSON body {\"inviteCode\": ...} is required") JoinGameRequest request) {
        return challenges.join(WalletAddress.of(token.getSubject()), request.inviteCode(), Optional.ofNullable(request.clientSeed()));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A game's public summary; the server seed appears once the game is over")
    @APIResponse(responseCode = "200", description = "The game's summary (absent fields are omitted)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GameSummary"),
                    examples = @ExampleObject(name = "finished", value = "{\"gameId\": 42, \"gameType\": \"RPS\", "
                            + "\"bestOf\": 3, \"status\": \"COMPLETED\", \"players\": {\"P1\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", \"P2\": \"" + ApiSchemas.WALLET_EXAMPLE + "\"}, "
                            + "\"clientSeeds\": {\"P1\": \"alice\", \"P2\": \"bob\"}, \"serverSeedSha256\": \"630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd\", "
                            + "\"turn\": 4, \"score\": {\"P1\": 2, \"P2\": 0}, \"outcome\": \"P1\", \"reason\": \"ROUNDS_WON\", "
                            + "\"serverSeed\": \"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\"}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), or an id that is not a 64-bit integer (`invalid-number`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`game-not-found`: no game has this id",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public GameSummary summary(@Parameter(description = "The game's id", example = "42") @PathParam("id") long id) {
        return games.summary(id);
    }

    @GET
    @Path("/{id}/export")
    @PermitAll
    @Operation(summary = "A finished game's seeds and action log, to recompute it with the verifier (docs/games.md)")
    @APIResponse(responseCode = "200", description = "The export (format solduel-game-export/2)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GameExportSchema.class),
                    examples = @ExampleObject(name = "rps-best-of-3", value = "{\"format\": \"solduel-game-export/2\", "
                            + "\"gameId\": 42, \"gameType\": \"RPS\", \"rulesVersion\": 1, \"options\": {\"bestOf\": 3}, "
                            + "\"serverSeed\": \"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\", "
                            + "\"serverSeedSha256\": \"630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd\", \"clientSeeds\": {\"P1\": \"alice\", \"P2\": \"bob\"}, "
                            + "\"actions\": [{\"seq\": 1, \"seat\": \"P1\", \"turn\": 1, \"action\": \"ROCK\", \"timedOut\": false}], "
                            + "\"actionLogSha256\": \"0fbea991f9e11966c901fe0522dd5d9a33ac1cc8cd891efc9d4ff8f5df9c9bd7\", "
                            + "\"result\": {\"outcome\": \"P1\", \"reason\": \"ROUNDS_WON\", \"turnsPlayed\": 4, "
                            + "\"score\": {\"P1\": 2, \"P2\": 0}, \"forfeits\": []}}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), or an id that is not a 64-bit integer (`invalid-number`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`game-not-found`: no game has this id",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "`game-not-finished`: the game is still waiting or being played (export it once it is over), or an admin aborted it before it had a result (its server seed stays secret)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response export(@Parameter(description = "The game's id", example = "42") @PathParam("id") long id) {
        return Response.ok(GameExportJson.write(games.export(id)), MediaType.APPLICATION_JSON).build();
    }
    @GET
    @Path("/{id}/deposits")
    @RolesAllowed(PlayerTokens.PLAYER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Your deposit for a wagered game: the vault, the lamports, the memo, the deadline; and where both deposits stand",
            description = "Send a System Program transfer of at least `lamports` from your wallet to `vault`, with a Memo "
                    + "program instruction carrying exactly `memo`, in one transaction signed by your wallet, before "
                    + "`deadline`; then report its signature with POST /api/games/{id}/deposits (docs/money.md). The same "
                    + "for a wagered challenge and a wagered matchmaking game; a player following the game on the game "
                    + "socket is also told (deposit_required, deposit_credited, game_started or game_cancelled).")
    @APIResponse(responseCode = "200", description = "The deposit you owe and the state of both deposits",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DepositInstructions"),
                    examples = @ExampleObject(name = "awaiting", value = "{\"gameId\": 42, \"status\": \"AWAITING_DEPOSITS\", "
                            + "\"vault\": \"" + ApiSchemas.WALLET_EXAMPLE + "\", \"lamports\": 50000000, "
                            + "\"memo\": \"solduel:deposit:game=42:wallet=" + ApiSchemas.WALLET_EXAMPLE + "\", "
                            + "\"deadline\": \"2026-11-30T20:05:00Z\", \"deposited\": false, \"opponentDeposited\": true}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`), or an id that is not a 64-bit integer (`invalid-number`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "`not-your-game`: only the game's two players have deposits",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`game-not-found`: no game has this id",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "`game-not-wagered` (free play takes no deposits) or `deposits-not-open` (the second player has not joined yet)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "`vault-unavailable`: this server has no escrow vault configured",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public DepositInstructions depositInstructions(@Parameter(description = "The game's id", example = "42") @PathParam("id") long id) {
        return deposits.instructions(id, WalletAddress.of(token.getSubject()));
    }

    @POST
    @Path("/{id}/deposits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PlayerTokens.PLAYER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Report your deposit's transaction: it is verified on-chain and credited once; the game starts when both are in",
            description = "The server reads the transaction through its Solana RPC pool and checks: it succeeded; your "
                    + "wallet paid its fee and signed it; its System Program transfers from your wallet to the vault add up "
                    + "to the wager or more (more is refunded); a Memo instruction carries exactly the game's memo; it is "
                    + "`confirmed` (`finalized` for a wager above solduel.wager.finalized-above-lamports). A transaction is "
                    + "credited once, to one game. Every refusal credits nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DepositReport.class),
            examples = @ExampleObject(name = "deposit", value = "{\"signature\": "
                    + "\"5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW\"}")))
    @APIResponse(responseCode = "200", description = "Credited; `gameStatus` IN_PROGRESS when this was the second deposit (the game has started)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DepositCredited"),
                    examples = @ExampleObject(name = "credited", value = "{\"gameId\": 42, \"signature\": "
                            + "\"5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW\", "
                            + "\"lamports\": 50000000, \"refundLamports\": 0, \"commitment\": \"confirmed\", \"gameStatus\": \"AWAITING_DEPOSITS\"}")))
    @APIResponse(responseCode = "400", description = ApiSchemas.BAD_JSON_BODY + ", an id that is not a 64-bit integer (`invalid-number`), or a signature that is not base58 of 64 bytes (`invalid-signature`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "`not-your-game`: only the game's two players deposit",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "`game-not-found`: no game has this id",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "`deposit-not-confirmed` (not found at the required commitment yet: "
            + "report it again in a few seconds), `deposit-already-credited` (this transaction is credited already, to this "
            + "or another game), `deposit-already-made` (your deposit for this game is credited already), "
            + "`deposit-deadline-passed` (the game was cancelled or its deadline passed), `deposits-not-open` (the second "
            + "player has not joined), `deposits-closed` (both deposits are in), `game-not-wagered` (free play)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = ApiSchemas.TOO_LARGE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = ApiSchemas.UNSUPPORTED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The transaction is not the deposit owed: `deposit-transaction-failed` "
            + "(it failed on-chain), `deposit-not-from-your-wallet` (another wallet paid or signed it), "
            + "`deposit-wrong-destination` (no transfer from your wallet to the vault), `deposit-wrong-amount` (less than "
            + "the wager), `deposit-wrong-memo` (no Memo instruction with exactly the game's memo)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "`solana-unavailable` (no Solana RPC endpoint answered, or one answered "
            + "something that is not this transaction; retry) or `vault-unavailable` (no escrow vault configured)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public DepositCredited reportDeposit(@Parameter(description = "The game's id", example = "42") @PathParam("id") long id,
                                         @Valid @NotNull(message = "a JSON body {\"signature\": ...} is required") DepositReport report) {
        return deposits.report(id, WalletAddress.of(token.getSubject()), report.signature());
    }
}
