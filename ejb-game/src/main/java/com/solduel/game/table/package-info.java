/**
 * One live game's single writer, in plain Java (no Jakarta, no database, no Redis): {@link
 * com.solduel.game.table.GameTable} takes commands (a player connects, leaves, submits; time
 * passes), writes each accepted fact through its {@link com.solduel.game.table.TableStore}
 * before changing anything, and returns what happened as typed {@link
 * com.solduel.game.table.GameEvent}s. The public events are derived from the action log by
 * {@link com.solduel.game.table.GameLog}, so a game rebuilt from PostgreSQL numbers and replays
 * exactly the events the live game published. The adapters that drive a table (threads, timers,
 * the database, leases, sockets) live in {@code com.solduel.game.live}.
 */
package com.solduel.game.table;
