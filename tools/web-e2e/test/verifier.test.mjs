// The browser verifier (web-api/src/main/webapp/js/verifier.mjs) against the test vectors the Java
// verifier is pinned to: the known answers of FairRngTest and the two exports of docs/games.md that
// DocumentedExampleTest verifies on every build, honest and tampered.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FairRng, actionLogDigest, commitmentOf, readExport, verifyExport } from '../../../web-api/src/main/webapp/js/verifier.mjs';

const games = readFileSync(new URL('../../../docs/games.md', import.meta.url), 'utf8');
const example = (marker) => JSON.parse(games.split(marker)[1].split('```json')[1].split('```')[0]);
const RPS = example('<!-- example-export -->');
const DUEL = example('<!-- example-export-duel -->');
const SEED = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const copy = (o) => structuredClone(o);

test('the draw function gives the known answers of docs/games.md', async () => {
  assert.equal(await commitmentOf(SEED), '630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd');
  const rng = await FairRng.of(SEED, 'alice', 'bob');
  assert.equal(Buffer.from(await rng.hmac(1, 0, 0)).toString('hex'), 'e63f22c9b26d9e9db7d8cb30fcf6f3cdf48ad50117c20956a7ab8653d9802545');
  const turn1 = [];
  for (let i = 0; i < 10; i++) turn1.push(await rng.draw(1, i, 6));
  assert.deepEqual(turn1, [5, 0, 0, 4, 3, 0, 3, 5, 1, 2]);
  const turn7 = [];
  for (let i = 0; i < 5; i++) turn7.push(await rng.draw(7, i, 100));
  assert.deepEqual(turn7, [76, 6, 13, 3, 94]);
  assert.equal(await rng.draw(3, 0, 2 ** 31 - 1), 1189915844);
});

test('both documented exports are fair, with the documented digests and results', async () => {
  for (const exp of [RPS, DUEL]) {
    assert.equal(await actionLogDigest(readExport(exp)), exp.actionLogSha256);
    const report = await verifyExport(JSON.stringify(exp));
    assert.deepEqual(report.mismatches, []);
    assert.equal(report.fair, true);
    assert.deepEqual(report.replayed, { winner: 'P1', reason: exp.result.reason, turnsPlayed: exp.result.turnsPlayed, score: exp.result.score });
  }
});

test('the DUEL replay shows each turn as the worked example tells it', async () => {
  const { turns } = await verifyExport(DUEL);
  assert.equal(turns.length, 10);
  const hp = turns.map((t) => [t.state.fighters.P1.hp, t.state.fighters.P2.hp]);
  assert.deepEqual(hp, [[100, 98], [100, 92], [100, 76], [100, 74], [100, 71], [86, 44], [85, 44], [68, 30], [56, 15], [44, 0]]);
  assert.deepEqual(turns[6].events[0], { kind: 'Healed', seat: 'P1', amount: 14 });
  assert.deepEqual(turns[1].events, [{ kind: 'Struck', attacker: 'P1', action: 'HEAVY_ATTACK', damage: 6, blocked: true }]);
  assert.deepEqual(turns[2].events.map((e) => e.kind), ['Struck', 'Missed']);
});

test('a tampered export is not fair, and the mismatch says why', async () => {
  const kinds = async (exp) => (await verifyExport(exp)).mismatches.map((m) => m.kind);
  const changedAction = copy(DUEL); changedAction.actions[18].action = 'HEAVY_ATTACK';
  assert.deepEqual(await kinds(changedAction), ['ILLEGAL_ACTION', 'LOG_DIGEST_MISMATCH']);
  const changedSeed = copy(RPS); changedSeed.serverSeed = SEED.replace('00', '01');
  assert.ok((await kinds(changedSeed)).includes('COMMITMENT_MISMATCH'));
  const changedResult = copy(RPS); changedResult.result.outcome = 'P2';
  assert.deepEqual(await kinds(changedResult), ['RESULT_MISMATCH']);
  const swapped = copy(RPS); [swapped.actions[2], swapped.actions[3]] = [swapped.actions[3], swapped.actions[2]];
  assert.ok((await kinds(swapped)).includes('SEQUENCE_ORDER'));
  const timeout = copy(RPS); timeout.actions[5].action = 'ROCK';
  assert.ok((await kinds(timeout)).includes('DEFAULT_ACTION_MISMATCH'));
  const cut = copy(DUEL); cut.actions.pop();
  assert.ok((await kinds(cut)).includes('GAME_NOT_FINISHED'));
  const forfeit = copy(RPS); forfeit.result.forfeits = [{ seat: 'P2', cause: 'ABSENT' }];
  assert.deepEqual(await kinds(forfeit), ['FORFEIT_MISMATCH']);
  for (const exp of [changedAction, changedSeed, changedResult, swapped, timeout, cut, forfeit]) {
    assert.equal((await verifyExport(exp)).fair, false);
  }
});

test('a forfeit in an undecided game is fair; one claimed after the rules decided it is not', async () => {
  const forfeit = copy(RPS);
  forfeit.actions = forfeit.actions.slice(0, 4); // after turn 2: P1 leads 1–0
  forfeit.result = { outcome: 'P1', reason: 'FORFEIT', turnsPlayed: 2, score: { P1: 1, P2: 0 }, forfeits: [{ seat: 'P2', cause: 'ABSENT' }] };
  forfeit.actionLogSha256 = await actionLogDigest(readExport(forfeit));
  const report = await verifyExport(forfeit);
  assert.equal(report.fair, true, JSON.stringify(report.mismatches));
  assert.equal(report.notes.length, 1);
  const late = copy(RPS);
  late.result = { ...late.result, reason: 'FORFEIT', forfeits: [{ seat: 'P2', cause: 'ABSENT' }] };
  // As the Java verifier: the forfeit comes too late, and the replayed result (ROUNDS_WON) is not the claim.
  assert.deepEqual((await verifyExport(late)).mismatches.map((m) => m.kind), ['RESULT_MISMATCH', 'RESULT_MISMATCH']);
});

test('what is not an export is refused as malformed', async () => {
  for (const text of ['not json', '[]', JSON.stringify({ ...RPS, format: 'x' }), JSON.stringify({ ...RPS, actions: [{}] })]) {
    const report = await verifyExport(text);
    assert.equal(report.fair, false);
    assert.ok(report.malformed);
  }
});
