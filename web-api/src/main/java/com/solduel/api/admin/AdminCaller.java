package com.solduel.api.admin;

import com.solduel.auth.PlayerTokens;
import com.solduel.player.WalletAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The admin making this request: the wallet of the JWT (group {@code admin}) and still in
 * {@code solduel.auth.admin-wallets} now, not only when the token was issued. This wallet is the
 * {@code actor} of every audit row.
 */
@RequestScoped
public class AdminCaller {

    @Inject
    PlayerTokens tokens;

    @Inject
    JsonWebToken token;

    /** The admin's wallet; 403 {@code forbidden} when the token's wallet is no longer an admin's. */
    public WalletAddress wallet() {
        String subject = token.getSubject();
        if (subject == null || !tokens.isAdminWallet(subject)) {
            throw new ForbiddenException();
        }
        return WalletAddress.of(subject);
    }
}
