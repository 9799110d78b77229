// The game verifier of docs/games.md in JavaScript, for the browser ("verify fairness") and Node: the
// same algorithm as game-core's com.solduel.game.verify.Verifier (fair RNG version 1, RPS and DUEL
// rules version 1, the action log digest, the forfeit checks) and the same mismatch kinds, so an
// export is fair here exactly when the Java verifier says VERIFIED. It needs only WebCrypto
// (crypto.subtle: every browser in a secure context, Node 20+). Besides the verdict it returns the
// game turn by turn, for the step-by-step replay.

const subtle = globalThis.crypto.subtle;
const ascii = new TextEncoder();
const SEATS = ['P1', 'P2'];
const other = (seat) => (seat === 'P1' ? 'P2' : 'P1');
const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
const u32 = (n) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n >>> 0); return b; };
const u64 = (n) => { const b = new Uint8Array(8); new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, BigInt(n))); return b; };
const str = (s) => { const b = ascii.encode(s); return concat([u32(b.length), b]); };
const sha256 = async (bytes) => new Uint8Array(await subtle.digest('SHA-256', bytes));

/** The fair random source of one game (docs/games.md, "The draw function (version 1)"). */
export class FairRng {
  static async of(serverSeedHex, clientSeedP1, clientSeedP2) {
    const key = await subtle.importKey('raw', fromHex(serverSeedHex), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new FairRng(key, concat([str(clientSeedP1), str(clientSeedP2)]));
  }

  constructor(key, prefix) {
    this.key = key;
    this.prefix = prefix;
  }

  async hmac(turn, index, attempt) {
    return new Uint8Array(await subtle.sign('HMAC', this.key, concat([this.prefix, u32(turn), u32(index), u32(attempt)])));
  }

  /** A uniform integer in [0, n) for draw {@code index} of {@code turn}, by rejection sampling. */
  async draw(turn, index, n) {
    const bound = BigInt(n);
    const excess = (2n ** 64n) % bound;
    const limit = 2n ** 64n - excess;
    for (let attempt = 0; ; attempt++) {
      const mac = await this.hmac(turn, index, attempt);
      const word = new DataView(mac.buffer).getBigUint64(0);
      if (excess === 0n || word < limit) return Number(word % bound);
    }
  }

  async between(turn, index, min, max) {
    return min + await this.draw(turn, index, max - min + 1);
  }
}

export function fromHex(text) {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** SHA-256 of the 32 raw seed bytes, lowercase hex: the commitment published at creation. */
export async function commitmentOf(serverSeedHex) {
  return hex(await sha256(fromHex(serverSeedHex)));
}

// ---- the rules (game-core's RpsRules and DuelRules, version 1) ----

const RPS_MOVES = ['ROCK', 'PAPER', 'SCISSORS'];
const BEATS = { ROCK: 'SCISSORS', PAPER: 'ROCK', SCISSORS: 'PAPER' };
const RPS_TIE_CAP = 10;

const DUEL = Object.freeze({
  maxHp: 100, turnCap: 20, startEnergy: 1, maxEnergy: 3, blockEnergy: 1, attackMin: 12, attackMax: 18,
  heavyCost: 2, heavyHitPercent: 60, heavyMin: 22, heavyMax: 30, heavyBlockedPercent: 25,
  counterMin: 1, counterMax: 3, healMin: 12, healMax: 16, heals: 2, healCooldown: 1,
});
const DUEL_ACTIONS = ['ATTACK', 'HEAVY_ATTACK', 'BLOCK', 'HEAL'];
const SLOT = { ATTACK_DAMAGE: 0, HEAVY_HIT: 1, HEAVY_DAMAGE: 2, COUNTER_DAMAGE: 3, HEAL_AMOUNT: 4 };
const drawIndex = (seat, slot) => (seat === 'P1' ? 0 : 1) * 8 + SLOT[slot];

export const RULES = {
  RPS: {
    version: 1,
    actions: RPS_MOVES,
    initial(bestOf) {
      if (![1, 3, 5].includes(bestOf)) throw new RulesError(`RPS is played best of 1, 3 or 5, not ${bestOf}`);
      return { turn: 1, bestOf, round: 1, tiesInRound: 0, roundsWon: { P1: 0, P2: 0 }, outcome: null };
    },
    legal(state) { return state.outcome ? [] : RPS_MOVES; },
    async defaultAction(state, seat, rng) { return RPS_MOVES[await rng.draw(state.turn, seat === 'P1' ? 0 : 1, 3)]; },
    async apply(state, moves) {
      const events = [];
      if (moves.P1 === moves.P2) {
        const ties = state.tiesInRound + 1;
        events.push({ kind: 'RoundTied', round: state.round, ties });
        return { state: { ...state, turn: state.turn + 1, tiesInRound: ties, lastMoves: moves,
          outcome: ties >= RPS_TIE_CAP ? { winner: null, reason: 'TIE_CAP' } : null }, events };
      }
      const winner = BEATS[moves.P1] === moves.P2 ? 'P1' : 'P2';
      const won = { ...state.roundsWon, [winner]: state.roundsWon[winner] + 1 };
      events.push({ kind: 'RoundWon', round: state.round, winner, roundsWon: won });
      const over = won[winner] >= Math.floor(state.bestOf / 2) + 1;
      return { state: { ...state, turn: state.turn + 1, round: over ? state.round : state.round + 1, tiesInRound: 0,
        roundsWon: won, lastMoves: moves, outcome: over ? { winner, reason: 'ROUNDS_WON' } : null }, events };
    },
    score(state) { return { ...state.roundsWon }; },
  },
  DUEL: {
    version: 1,
    actions: DUEL_ACTIONS,
    initial(bestOf) {
      if (bestOf !== 1) throw new RulesError(`DUEL is a single game; best of ${bestOf} is not offered`);
      const fresh = () => ({ hp: DUEL.maxHp, energy: DUEL.startEnergy, healsLeft: DUEL.heals, healCooldown: 0 });
      return { turn: 1, fighters: { P1: fresh(), P2: fresh() }, outcome: null };
    },
    legal(state, seat) {
      if (state.outcome) return [];
      const f = state.fighters[seat];
      return DUEL_ACTIONS.filter((a) => (a === 'HEAVY_ATTACK' ? f.energy >= DUEL.heavyCost
        : a === 'HEAL' ? f.healsLeft > 0 && f.healCooldown === 0 : true));
    },
    async defaultAction() { return 'BLOCK'; },
    async apply(state, chosen, rng) {
      const { turn } = state;
      const events = [];
      const healed = {};
      for (const seat of SEATS) {
        const f = state.fighters[seat];
        if (chosen[seat] !== 'HEAL') { healed[seat] = f.hp; continue; }
        const amount = Math.min(DUEL.maxHp - f.hp,
          await rng.between(turn, drawIndex(seat, 'HEAL_AMOUNT'), DUEL.healMin, DUEL.healMax));
        events.push({ kind: 'Healed', seat, amount });
        healed[seat] = f.hp + amount;
      }
      const taken = { P1: 0, P2: 0 };
      for (const attacker of SEATS) {
        const target = other(attacker);
        const blocks = chosen[target] === 'BLOCK';
        if (chosen[attacker] === 'ATTACK') {
          if (blocks) {
            const counter = await rng.between(turn, drawIndex(target, 'COUNTER_DAMAGE'), DUEL.counterMin, DUEL.counterMax);
            taken[attacker] += counter;
            events.push({ kind: 'Struck', attacker, action: 'ATTACK', damage: 0, blocked: true });
            events.push({ kind: 'Countered', blocker: target, damage: counter });
          } else {
            const damage = await rng.between(turn, drawIndex(attacker, 'ATTACK_DAMAGE'), DUEL.attackMin, DUEL.attackMax);
            taken[target] += damage;
            events.push({ kind: 'Struck', attacker, action: 'ATTACK', damage, blocked: false });
          }
        } else if (chosen[attacker] === 'HEAVY_ATTACK') {
          if (await rng.draw(turn, drawIndex(attacker, 'HEAVY_HIT'), 100) < DUEL.heavyHitPercent) {
            let damage = await rng.between(turn, drawIndex(attacker, 'HEAVY_DAMAGE'), DUEL.heavyMin, DUEL.heavyMax);
            if (blocks) damage = Math.floor(damage * DUEL.heavyBlockedPercent / 100);
            taken[target] += damage;
            events.push({ kind: 'Struck', attacker, action: 'HEAVY_ATTACK', damage, blocked: blocks });
          } else {
            events.push({ kind: 'Missed', attacker });
          }
        }
      }
      const fighters = {};
      for (const seat of SEATS) {
        const before = state.fighters[seat];
        const action = chosen[seat];
        const energy = before.energy - (action === 'HEAVY_ATTACK' ? DUEL.heavyCost : 0) + (action === 'BLOCK' ? DUEL.blockEnergy : 0);
        fighters[seat] = {
          hp: Math.max(0, healed[seat] - taken[seat]),
          energy: Math.min(DUEL.maxEnergy, energy),
          healsLeft: before.healsLeft - (action === 'HEAL' ? 1 : 0),
          healCooldown: action === 'HEAL' ? DUEL.healCooldown : Math.max(0, before.healCooldown - 1),
        };
      }
      return { state: { turn: turn + 1, fighters, lastActions: chosen, outcome: decideDuel(fighters, turn) }, events };
    },
    score(state) { return { P1: state.fighters.P1.hp, P2: state.fighters.P2.hp }; },
  },
};

function decideDuel(f, turn) {
  const p1 = f.P1.hp > 0;
  const p2 = f.P2.hp > 0;
  if (!p1 && !p2) return { winner: null, reason: 'DOUBLE_KNOCKOUT' };
  if (!p1 || !p2) return { winner: p1 ? 'P1' : 'P2', reason: 'KNOCKOUT' };
  if (turn >= DUEL.turnCap) {
    return f.P1.hp === f.P2.hp ? { winner: null, reason: 'TURN_CAP' } : { winner: f.P1.hp > f.P2.hp ? 'P1' : 'P2', reason: 'TURN_CAP' };
  }
  return null;
}

class RulesError extends Error {}
class ReplayError extends Error {
  constructor(kind, seq, detail) { super(detail); this.kind = kind; this.seq = seq; }
}

/** An export that cannot be read at all (the Java verifier's exit code 2). */
export class MalformedExport extends Error {}

// ---- reading an export (game-core's GameExportJson) ----

function field(object, name, type, where) {
  const value = object?.[name];
  if (value === undefined || value === null) throw new MalformedExport(`${where}${name}: missing`);
  const ok = type === 'integer' ? Number.isSafeInteger(value) : type === 'array' ? Array.isArray(value)
    : type === 'object' ? typeof value === 'object' && !Array.isArray(value) : typeof value === type;
  if (!ok) throw new MalformedExport(`${where}${name}: expected ${type === 'object' ? 'an object' : type === 'array' ? 'an array' : 'a ' + type}, found ${JSON.stringify(value)}`);
  return value;
}
function seatField(object, name, where) {
  const value = field(object, name, 'string', where);
  if (!SEATS.includes(value)) throw new MalformedExport(`${where}${name}: expected P1 or P2, found '${value}'`);
  return value;
}

/** Reads and checks the shape of an export (text or parsed JSON); throws MalformedExport. */
export function readExport(input) {
  let top = input;
  if (typeof input === 'string') {
    try { top = JSON.parse(input); } catch (e) { throw new MalformedExport(`not a JSON object: ${e.message}`); }
  }
  if (typeof top !== 'object' || top === null || Array.isArray(top)) throw new MalformedExport('not a JSON object');
  const format = field(top, 'format', 'string', '');
  if (format !== 'solduel-game-export/2' && format !== 'solduel-game-export/1') {
    throw new MalformedExport(`format is '${format}', this verifier reads solduel-game-export/2 and solduel-game-export/1`);
  }
  const gameType = field(top, 'gameType', 'string', '');
  if (!RULES[gameType]) throw new MalformedExport(`gameType: '${gameType}' is not RPS or DUEL`);
  const options = field(top, 'options', 'object', '');
  const clientSeeds = field(top, 'clientSeeds', 'object', '');
  const result = field(top, 'result', 'object', '');
  const score = field(result, 'score', 'object', 'result.');
  const actions = field(top, 'actions', 'array', '').map((entry, i) => {
    const where = `actions[${i}].`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new MalformedExport(`actions[${i}]: expected an object`);
    return { seq: field(entry, 'seq', 'integer', where), seat: seatField(entry, 'seat', where), turn: field(entry, 'turn', 'integer', where),
      action: field(entry, 'action', 'string', where), timedOut: field(entry, 'timedOut', 'boolean', where) };
  });
  const forfeits = format === 'solduel-game-export/2' ? field(result, 'forfeits', 'array', 'result.').map((entry, i) => {
    const where = `result.forfeits[${i}].`;
    const cause = field(entry, 'cause', 'string', where);
    if (cause !== 'MISSED_TURNS' && cause !== 'ABSENT') throw new MalformedExport(`${where}cause: expected MISSED_TURNS or ABSENT, found '${cause}'`);
    return { seat: seatField(entry, 'seat', where), cause };
  }) : [];
  const outcome = field(result, 'outcome', 'string', 'result.');
  if (outcome !== 'DRAW' && !SEATS.includes(outcome)) throw new MalformedExport(`result.outcome: expected P1, P2 or DRAW, found '${outcome}'`);
  return {
    format, gameId: field(top, 'gameId', 'integer', ''), gameType, rulesVersion: field(top, 'rulesVersion', 'integer', ''),
    bestOf: field(options, 'bestOf', 'integer', 'options.'), serverSeed: field(top, 'serverSeed', 'string', ''),
    serverSeedSha256: field(top, 'serverSeedSha256', 'string', ''),
    clientSeeds: { P1: field(clientSeeds, 'P1', 'string', 'clientSeeds.'), P2: field(clientSeeds, 'P2', 'string', 'clientSeeds.') },
    actions, actionLogSha256: field(top, 'actionLogSha256', 'string', ''),
    result: { winner: outcome === 'DRAW' ? null : outcome, reason: field(result, 'reason', 'string', 'result.'),
      turnsPlayed: field(result, 'turnsPlayed', 'integer', 'result.'),
      score: { P1: field(score, 'P1', 'integer', 'result.score.'), P2: field(score, 'P2', 'integer', 'result.score.') }, forfeits },
  };
}

/** The action log digest of docs/games.md over the header and actions as the export states them. */
export async function actionLogDigest(e) {
  let h = await sha256(concat([u64(e.gameId), str(e.gameType), u32(e.rulesVersion), u32(e.bestOf),
    str(e.serverSeedSha256.toLowerCase()), str(e.clientSeeds.P1), str(e.clientSeeds.P2)]));
  for (const a of e.actions) {
    h = await sha256(concat([h, u32(a.seq), str(a.seat), u32(a.turn), str(a.action), Uint8Array.of(a.timedOut ? 1 : 0)]));
  }
  return hex(h);
}

const describe = (o) => `${o.winner ? o.winner + ' wins' : 'a draw'} (${o.reason})`;
const sameOutcome = (a, b) => a.winner === b.winner && a.reason === b.reason;
const validClientSeed = (s) => s.length >= 1 && s.length <= 64 && [...s].every((c) => c.charCodeAt(0) >= 0x21 && c.charCodeAt(0) <= 0x7e);

/**
 * Verifies an export (text or parsed JSON). Returns {fair, gameId, gameType, mismatches:[{kind, seq,
 * detail}], notes, replayed, turns}: `fair` is true exactly when there is no mismatch (the Java
 * verifier's VERIFIED); `turns` is the game turn by turn (moves, events, the state after). A file
 * that is not an export gives fair false and `malformed`.
 */
export async function verifyExport(input) {
  let e;
  try {
    e = readExport(input);
  } catch (error) {
    if (error instanceof MalformedExport) return { fair: false, malformed: error.message, mismatches: [], notes: [], turns: [] };
    throw error;
  }
  const mismatches = [];
  const notes = [];
  const turns = [];
  const mismatch = (kind, detail, seq = null) => mismatches.push({ kind, seq, detail });

  // The setup: seeds, commitment, rules version.
  let seedOk = /^[0-9a-f]{64}$/.test(e.serverSeed);
  if (!seedOk) mismatch('INVALID_SEED', 'server seed: a server seed is 64 lowercase hex digits');
  if (seedOk) {
    const commitment = await commitmentOf(e.serverSeed);
    if (commitment !== e.serverSeedSha256.toLowerCase()) {
      mismatch('COMMITMENT_MISMATCH', `SHA-256 of the revealed server seed is ${commitment}, but the commitment published at creation is ${e.serverSeedSha256}`);
    }
  }
  for (const seat of SEATS) {
    if (!validClientSeed(e.clientSeeds[seat])) {
      seedOk = false;
      mismatch('INVALID_SEED', `client seed of ${seat}: a client seed has 1 to 64 printable ASCII characters without spaces`);
    }
  }
  const rules = RULES[e.gameType];
  let setupOk = seedOk;
  if (rules.version !== e.rulesVersion) {
    mismatch('UNSUPPORTED_RULES', `the game was played with ${e.gameType} rules version ${e.rulesVersion}; this verifier replays version ${rules.version}`);
    setupOk = false;
  }

  // Sequence numbers.
  let previous = 0;
  for (const a of e.actions) {
    if (a.seq <= previous) mismatch('SEQUENCE_ORDER', `sequence numbers must strictly increase; ${a.seq} follows ${previous}`, a.seq);
    else if (a.seq !== previous + 1) mismatch('SEQUENCE_GAP', `expected sequence ${previous + 1} next; ${a.seq - previous - 1} missing`, a.seq);
    previous = Math.max(previous, a.seq);
  }

  const replayed = setupOk ? await replay(e, rules, mismatch, notes, turns) : null;

  const digest = await actionLogDigest(e);
  if (digest !== e.actionLogSha256.toLowerCase()) {
    mismatch('LOG_DIGEST_MISMATCH', `the header and action log hash to ${digest}, the export says ${e.actionLogSha256} (the actions, their order or the seeds were changed)`);
  }
  return { fair: mismatches.length === 0, gameId: e.gameId, gameType: e.gameType, bestOf: e.bestOf, claimed: e.result,
    replayed, mismatches, notes, turns, initial: setupOk ? safeInitial(rules, e.bestOf) : null };
}

function safeInitial(rules, bestOf) {
  try { return rules.initial(bestOf); } catch { return null; }
}

async function replay(e, rules, mismatch, notes, turns) {
  let state;
  try {
    state = rules.initial(e.bestOf);
  } catch (error) {
    if (error instanceof RulesError) { mismatch('UNSUPPORTED_RULES', error.message); return null; }
    throw error;
  }
  const rng = await FairRng.of(e.serverSeed, e.clientSeeds.P1, e.clientSeeds.P2);
  let pending = {};
  let timedOut = [];
  const order = [];
  try {
    for (const logged of e.actions) {
      if (state.outcome) throw new ReplayError('ACTION_AFTER_END', logged.seq, `the game had already ended after turn ${state.turn - 1}`);
      if (logged.turn !== state.turn) {
        throw new ReplayError('WRONG_TURN', logged.seq, `logged for turn ${logged.turn} while turn ${state.turn} was being played`);
      }
      if (pending[logged.seat]) throw new ReplayError('DUPLICATE_ACTION', logged.seq, `${logged.seat} already acted in turn ${state.turn}`);
      let action;
      if (logged.timedOut) {
        const expected = await rules.defaultAction(state, logged.seat, rng);
        if (expected !== logged.action) {
          throw new ReplayError('DEFAULT_ACTION_MISMATCH', logged.seq,
            `timeout default of ${logged.seat} in turn ${state.turn} is ${expected}, the log says ${logged.action}`);
        }
        action = expected;
        timedOut.push(logged.seat);
      } else {
        action = logged.action.trim().toUpperCase();
        if (!rules.actions.includes(action)) {
          throw new ReplayError('ILLEGAL_ACTION', logged.seq, `unknown-action: '${logged.action}' is not a ${e.gameType} action`);
        }
        if (!rules.legal(state, logged.seat).includes(action)) {
          throw new ReplayError('ILLEGAL_ACTION', logged.seq, `action-not-allowed: ${action} is not allowed for ${logged.seat} in turn ${state.turn}`);
        }
      }
      pending[logged.seat] = action;
      order.push(logged.seat);
      if (pending.P1 && pending.P2) {
        const before = state;
        const moves = { P1: pending.P1, P2: pending.P2 };
        const next = await rules.apply(state, moves, rng);
        state = next.state;
        turns.push({ turn: before.turn, moves, order: [...order], timedOut, events: next.events, state, score: rules.score(state) });
        pending = {};
        timedOut = [];
        order.length = 0;
      }
    }
  } catch (error) {
    if (error instanceof ReplayError) { mismatch(error.kind, error.detail ?? error.message, error.seq); return null; }
    throw error;
  }

  const claim = e.result;
  let outcome = state.outcome;
  if (claim.reason === 'FORFEIT' || claim.reason === 'ABANDONED') {
    outcome = forfeited(e, state, pending, mismatch, notes);
    if (outcome === undefined) return null;
  } else if (claim.forfeits.length) {
    mismatch('FORFEIT_MISMATCH', `forfeits are listed, but the result is ${describe(claim)}`);
  } else if (!state.outcome) {
    mismatch('GAME_NOT_FINISHED', `the log ends in turn ${state.turn} before the rules decide the game`);
  }
  if (!outcome) return null;
  const replayed = { winner: outcome.winner, reason: outcome.reason, turnsPlayed: state.turn - 1, score: rules.score(state) };
  if (!sameOutcome(claim, replayed)) mismatch('RESULT_MISMATCH', `the export claims ${describe(claim)}, the replay gives ${describe(replayed)}`);
  if (claim.turnsPlayed !== replayed.turnsPlayed) mismatch('RESULT_MISMATCH', `the export claims ${claim.turnsPlayed} turns, the replay plays ${replayed.turnsPlayed}`);
  if (claim.score.P1 !== replayed.score.P1 || claim.score.P2 !== replayed.score.P2) {
    mismatch('RESULT_MISMATCH', `the export claims a final score of P1 ${claim.score.P1} – P2 ${claim.score.P2}, the replay gives P1 ${replayed.score.P1} – P2 ${replayed.score.P2}`);
  }
  return replayed;
}

/** A forfeit or an abandoned game (Verifier.forfeited): the outcome to compare, or undefined when nothing can be compared. */
function forfeited(e, state, pending, mismatch, notes) {
  const claim = e.result;
  if (state.outcome) {
    mismatch('RESULT_MISMATCH', `a ${claim.reason.toLowerCase()} is claimed, but the rules had already decided the game: ${describe(state.outcome)}`);
    return state.outcome;
  }
  const abandoned = claim.reason === 'ABANDONED';
  const expected = abandoned ? ['P1', 'P2'] : claim.winner ? [other(claim.winner)] : [];
  if (!expected.length || (abandoned && claim.winner)) {
    mismatch('RESULT_MISMATCH', abandoned ? 'an abandoned game is claimed with a winner' : 'a forfeit is claimed without a winner');
    return undefined;
  }
  if (!claim.forfeits.length && !abandoned) {
    notes.push(`${expected[0]} forfeited in turn ${state.turn}: timers and disconnects are observed by the server, so the verifier checked only that the game was still undecided at that point.`);
    return { winner: other(expected[0]), reason: 'FORFEIT' };
  }
  const listed = new Set(claim.forfeits.map((f) => f.seat));
  if (listed.size !== expected.length || !expected.every((s) => listed.has(s)) || claim.forfeits.length !== expected.length) {
    mismatch('FORFEIT_MISMATCH', `the result needs [${expected.join(', ')}] to have forfeited, the export lists ${JSON.stringify(claim.forfeits)}`);
    return undefined;
  }
  for (const f of claim.forfeits) {
    if (f.cause === 'MISSED_TURNS') {
      const last = [...e.actions].reverse().find((a) => a.seat === f.seat);
      if (pending[f.seat] || !last || !last.timedOut) {
        mismatch('FORFEIT_MISMATCH', `${f.seat} is said to have missed two turns in a row, but the log shows ${pending[f.seat]
          ? 'its choice in turn ' + state.turn : !last ? 'no timed-out turn' : 'its own move in turn ' + last.turn}`);
      }
    } else {
      notes.push(`${f.seat} forfeited in turn ${state.turn} for being absent: connections are observed by the server, so the verifier checked only that the game was still undecided then.`);
    }
  }
  return abandoned ? { winner: null, reason: 'ABANDONED' } : { winner: other(expected[0]), reason: 'FORFEIT' };
}
