package com.solduel.game.rules;

import com.solduel.game.rules.duel.DuelRules;
import com.solduel.game.rules.rps.RpsRules;
import java.util.EnumMap;
import java.util.Map;

/** The registry of game types: adding a type is one line here. */
public final class GameTypes {

    private static final Map<GameType, GameRules<?>> RULES = new EnumMap<>(GameType.class);

    static {
        RULES.put(GameType.DUEL, new DuelRules());
        RULES.put(GameType.RPS, new RpsRules());
    }

    private GameTypes() {
    }

    /** The rules of {@code type}. */
    public static GameRules<?> rulesFor(GameType type) {
        GameRules<?> rules = RULES.get(type);
        if (rules == null) {
            throw new IllegalArgumentException("no rules registered for " + type);
        }
        return rules;
    }

    /** The rules of the type named {@code name} as in {@code game_type_enum}, e.g. {@code "RPS"}. */
    public static GameRules<?> rulesFor(String name) {
        return rulesFor(GameType.parse(name));
    }
}
