package com.solduel.audit;

import com.solduel.player.WalletAddress;

/**
 * Who does what to what, and why (the reason is optional): the parts of an audit row known before
 * the action runs. {@code target} is "player:&lt;wallet&gt;", "game:&lt;id&gt;", "payout:&lt;id&gt;",
 * "job:&lt;name&gt;", "leaderboards" or "reconciliation".
 */
public record AdminAct(WalletAddress actor, AuditAction action, String target, String reason) {

    public AdminAct {
        if (actor == null || action == null || target == null || target.isBlank() || target.length() > 100) {
            throw new IllegalArgumentException("an audited act needs an actor, an action and a target of 1 to 100 characters");
        }
    }
}
