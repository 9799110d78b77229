package com.solduel.game.rules;

import java.util.Locale;

/** The kinds of game, named exactly as the database's {@code game_type_enum}. */
public enum GameType {
    /** Hit points and actions, simultaneous turns. */
    DUEL,
    /** Rock, paper, scissors, best of 1, 3 or 5. */
    RPS;

    /** The type named {@code name} (case-insensitive), or an {@link IllegalArgumentException} naming the known ones. */
    public static GameType parse(String name) {
        if (name != null) {
            String wanted = name.trim().toUpperCase(Locale.ROOT);
            for (GameType type : values()) {
                if (type.name().equals(wanted)) {
                    return type;
                }
            }
        }
        throw new IllegalArgumentException("unknown game type '" + name + "', expected one of DUEL, RPS");
    }
}
