package com.solduel.game.live;

import com.solduel.game.fair.ClientSeed;
import com.solduel.game.fair.ServerSeed;
import com.solduel.game.rules.GameOptions;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.table.GameRefusedException;
import com.solduel.money.Lamports;
import com.solduel.player.WalletAddress;
import com.solduel.shared.SolDuelException.Kind;
import com.solduel.wager.EscrowVault;
import com.solduel.wager.WagerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Private challenges (SPEC §6): a player creates a game and shares its invite code; the second
 * player joins with it and the game starts through {@link GameHall#startGame}, the one way every
 * game starts. A challenge with a wager waits for both deposits first (docs/money.md). A player holds a few open challenges at most, and one
 * nobody joins expires ({@link ChallengeExpiry}).
 */
@ApplicationScoped
public class PrivateChallenges {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int INVITE_LENGTH = 8;

    @Inject
    GameRecords records;

    @Inject
    OwnedGames owned;

    @Inject
    GameHall hall;

    @Inject
    WagerSettings wagers;

    @Inject
    EscrowVault vault;

    @Inject
    @ConfigProperty(name = "solduel.game.open-challenges-per-player")
    int openChallengesPerPlayer;

    /**
     * Creates a private challenge by {@code creator} (refused when banned: {@link GameRecords#create}
     * reads the ban with the player row); the second player joins
     * with the invite code. An unrated one ({@code rated} false) changes no rating when it ends. A
     * wager above 0 must be within the limits, and needs the escrow vault.
     */
    public CreatedGame create(WalletAddress creator, GameType type, int bestOf, Optional<String> clientSeed,
                              boolean rated, Lamports wager) {
        GameOptions options = options(type, bestOf);
        ClientSeed seed = clientSeed(clientSeed);
        wagers.limits().check(wager);
        if (wager.value() > 0) {
            vault.address(); // vault-unavailable before anything is written
        }
        ServerSeed serverSeed = ServerSeed.generate();
        GameRecord game = records.create(creator, type, options, serverSeed, seed, inviteCode(), openChallengesPerPlayer,
                wager.value(), wagers.limits().houseFeeBps(), rated);
        return new CreatedGame(game.id(), type.name(), options.bestOf(), game.inviteCode(), game.serverSeedHash(),
                Seat.P1.name(), seed.value(), rated, wager.value());
    }

    /**
     * Seats {@code player} in the game with {@code inviteCode}: a free game starts at once; a
     * wagered one waits for both deposits ({@link com.solduel.wager.Deposits}) and starts when they
     * are in. Refused before anything is written when the player is banned or no game server has room.
     */
    public JoinedGame join(WalletAddress player, String inviteCode, Optional<String> clientSeed) {
        ClientSeed seed = clientSeed(clientSeed);
        owned.requireRoomSomewhere();
        GameRecord game = records.join(inviteCode.trim().toUpperCase(Locale.ROOT), player, seed, wagers.depositWindow());
        GameRecords.StoredGame joined;
        if (game.status() == GameStatus.AWAITING_DEPOSITS) {
            joined = records.loadHeader(game.id()).orElseThrow(() -> GameRefusedException.notFound(game.id()));
            hall.depositsOpened(game.id());
        } else {
            joined = hall.startGame(game.id());
        }
        return new JoinedGame(game.id(), game.gameType().name(), joined.setup().options().bestOf(),
                game.serverSeedHash(), Seat.P2.name(), seed.value(), joined.wallet1(),
                joined.setup().clientSeeds().p1().value(), game.status().name(), game.wagerAmount());
    }

    /** Stands in for the real seed while the rules check the options: they do not depend on it. */
    private static final ServerSeed CHECK_SEED = new ServerSeed("00".repeat(ServerSeed.BYTES));

    private static GameOptions options(GameType type, int bestOf) {
        try {
            GameOptions options = GameOptions.bestOf(bestOf);
            Match.start(new GameSetup(0, type, options, CHECK_SEED,
                    new PerSeat<>(new ClientSeed("check"), new ClientSeed("check"))));
            return options;
        } catch (IllegalArgumentException e) { // InvalidGameOptionsException included
            throw new GameRefusedException("invalid-game-options", Kind.INVALID_INPUT, e.getMessage());
        }
    }

    private static ClientSeed clientSeed(Optional<String> given) {
        try {
            return given.filter(s -> !s.isBlank()).map(ClientSeed::new).orElseGet(() -> ClientSeed.random(RANDOM));
        } catch (IllegalArgumentException e) {
            throw new GameRefusedException("invalid-client-seed", Kind.INVALID_INPUT, e.getMessage());
        }
    }

    private static String inviteCode() {
        StringBuilder code = new StringBuilder(INVITE_LENGTH);
        for (int i = 0; i < INVITE_LENGTH; i++) {
            code.append(INVITE_ALPHABET.charAt(RANDOM.nextInt(INVITE_ALPHABET.length())));
        }
        return code.toString();
    }
}
