/**
 * Money: amounts of SOL as exact, non-negative lamport counts ({@link com.solduel.money.Lamports}),
 * parsed strictly from outside input. Plain Java; {@code LamportsJson} binds it for JSON-B.
 */
package com.solduel.money;
