/**
 * What the admin portal reads and does beyond bans, payouts and jobs: aborting a game with refunds
 * ({@link com.solduel.admin.GameAborts}), finding games and players ({@link com.solduel.admin.AdminGames},
 * {@link com.solduel.admin.AdminPlayers}) and the dashboard's figures ({@link com.solduel.admin.AdminDashboard}),
 * each read from the service or store that already owns the figure.
 */
package com.solduel.admin;
