/**
 * What the web client served from this application needs to know before a player signs in: the
 * Solana cluster, its RPC and explorer, the escrow vault and the offered wagers
 * ({@code GET /api/client-config}), and the security headers of the client's own pages.
 */
package com.solduel.api.client;
