#!/usr/bin/env python3
"""Plays the worked DUEL example of docs/games.md from the rules as that page states them.

Written from docs/games.md alone, not from the Java code, so that it checks the page: the fair
RNG ("The draw function (version 1)" and "Draw indices"), the DUEL rules ("DUEL — hit points and
four actions") and the action log digest. Python 3 standard library only.

    python3 docs/verify_duel_example.py            # the turn-by-turn account
    python3 docs/verify_duel_example.py --export   # the game export (JSON), for the verifier
"""

import hashlib
import hmac
import json
import struct
import sys

# --- The game: fixed seeds and a fixed action log -------------------------------------------

GAME_ID = 43
SERVER_SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
CLIENT_SEEDS = {"P1": "carol", "P2": "dave-212"}

# One entry per turn: each seat's action in the order the server received them; a seat whose
# timer ran out is marked timed out and plays the default action, BLOCK.
TURNS = [
    [("P1", "BLOCK"), ("P2", "ATTACK")],
    [("P1", "HEAVY_ATTACK"), ("P2", "BLOCK", "timedOut")],
    [("P2", "HEAVY_ATTACK"), ("P1", "ATTACK")],
    [("P1", "BLOCK"), ("P2", "ATTACK")],
    [("P1", "BLOCK"), ("P2", "ATTACK")],
    [("P1", "HEAVY_ATTACK"), ("P2", "ATTACK")],
    [("P2", "ATTACK"), ("P1", "HEAL")],
    [("P1", "ATTACK"), ("P2", "ATTACK")],
    [("P2", "ATTACK"), ("P1", "ATTACK")],
    [("P1", "ATTACK"), ("P2", "ATTACK")],
]

# --- The rules' numbers, as docs/games.md states them ---------------------------------------

MAX_HP, START_ENERGY, MAX_ENERGY, HEALS, TURN_CAP = 100, 1, 3, 2, 20
ATTACK_DAMAGE = (12, 18)
COUNTER_DAMAGE = (1, 3)
HEAVY_COST, HEAVY_HIT_BELOW, HEAVY_DAMAGE, HEAVY_THROUGH_BLOCK_PERCENT = 2, 60, (22, 30), 25
HEAL_AMOUNT = (12, 16)
SEAT_INDEX = {"P1": 0, "P2": 1}
SLOT = {"attack damage": 0, "heavy hit": 1, "heavy damage": 2, "counter damage": 3, "heal amount": 4}
RULES_VERSION, BEST_OF = 1, 1


# --- Provably fair randomness (the page's reference implementation) -------------------------

def draw(server_seed_hex, cs1, cs2, turn, index, n):
    key = bytes.fromhex(server_seed_hex)
    prefix = b"".join(struct.pack(">I", len(s)) + s.encode("ascii") for s in (cs1, cs2))
    limit = 2**64 - (2**64 % n)
    attempt = 0
    while True:
        mac = hmac.new(key, prefix + struct.pack(">III", turn, index, attempt), hashlib.sha256).digest()
        word = int.from_bytes(mac[:8], "big")
        if word < limit:
            return word % n
        attempt += 1


class Rolls:
    """The draws of one turn, recorded for the account."""

    def __init__(self, turn):
        self.turn = turn
        self.seen = []

    def draw(self, seat, slot, n):
        index = 8 * SEAT_INDEX[seat] + SLOT[slot]
        value = draw(SERVER_SEED, CLIENT_SEEDS["P1"], CLIENT_SEEDS["P2"], self.turn, index, n)
        self.seen.append((seat, slot, index, n, value))
        return value

    def between(self, seat, slot, low_high):
        low, high = low_high
        return low + self.draw(seat, slot, high - low + 1)


# --- DUEL ------------------------------------------------------------------------------------

def fresh():
    return {"hp": MAX_HP, "energy": START_ENERGY, "heals": HEALS, "healed_last_turn": False}


def legal(fighter, action):
    if action == "HEAVY_ATTACK":
        return fighter["energy"] >= HEAVY_COST
    if action == "HEAL":
        return fighter["heals"] > 0 and not fighter["healed_last_turn"]
    return action in ("ATTACK", "BLOCK")


def resolve(turn, fighters, chosen):
    """One turn: heals, then both blows at once, then energy and the heal cooldown."""
    rolls = Rolls(turn)
    events = []
    other = {"P1": "P2", "P2": "P1"}

    # (1) heals land, capped at 100 HP
    hp = {}
    for seat in ("P1", "P2"):
        hp[seat] = fighters[seat]["hp"]
        if chosen[seat] == "HEAL":
            amount = rolls.between(seat, "heal amount", HEAL_AMOUNT)
            gained = min(MAX_HP - hp[seat], amount)
            hp[seat] += gained
            events.append(f"{seat} heals {amount}" + (f", {gained} after the cap" if gained != amount else ""))

    # (2) both sides' blows land at the same time; HP never goes below 0
    damage = {"P1": 0, "P2": 0}
    for attacker in ("P1", "P2"):
        target = other[attacker]
        blocked = chosen[target] == "BLOCK"
        if chosen[attacker] == "ATTACK":
            if blocked:
                counter = rolls.between(target, "counter damage", COUNTER_DAMAGE)
                damage[attacker] += counter
                events.append(f"{attacker}'s attack is parried; {target} counters for {counter}")
            else:
                dealt = rolls.between(attacker, "attack damage", ATTACK_DAMAGE)
                damage[target] += dealt
                events.append(f"{attacker} attacks for {dealt}")
        elif chosen[attacker] == "HEAVY_ATTACK":
            if rolls.draw(attacker, "heavy hit", 100) < HEAVY_HIT_BELOW:
                rolled = rolls.between(attacker, "heavy damage", HEAVY_DAMAGE)
                dealt = rolled * HEAVY_THROUGH_BLOCK_PERCENT // 100 if blocked else rolled
                damage[target] += dealt
                events.append(f"{attacker}'s heavy attack hits for {rolled}"
                              + (f", {dealt} through the block" if blocked else ""))
            else:
                events.append(f"{attacker}'s heavy attack misses")

    # (3) energy is spent (heavy attack) and regained (block); the heal cooldown counts down
    after = {}
    for seat in ("P1", "P2"):
        f = fighters[seat]
        energy = f["energy"] - (HEAVY_COST if chosen[seat] == "HEAVY_ATTACK" else 0)
        if chosen[seat] == "BLOCK":
            energy = min(MAX_ENERGY, energy + 1)
        after[seat] = {"hp": max(0, hp[seat] - damage[seat]), "energy": energy,
                       "heals": f["heals"] - (1 if chosen[seat] == "HEAL" else 0),
                       "healed_last_turn": chosen[seat] == "HEAL"}
    return after, rolls.seen, events


def decide(fighters, turn):
    """The outcome after a turn, or None while the game runs."""
    p1, p2 = fighters["P1"]["hp"], fighters["P2"]["hp"]
    if p1 == 0 and p2 == 0:
        return "DRAW", "DOUBLE_KNOCKOUT"
    if p1 == 0 or p2 == 0:
        return ("P1" if p2 == 0 else "P2"), "KNOCKOUT"
    if turn >= TURN_CAP:
        return ("DRAW" if p1 == p2 else "P1" if p1 > p2 else "P2"), "TURN_CAP"
    return None


# --- Action log digest -----------------------------------------------------------------------

def s(text):
    data = text.encode("utf-8")
    return struct.pack(">I", len(data)) + data


def commitment():
    return hashlib.sha256(bytes.fromhex(SERVER_SEED)).hexdigest()


def digest(log):
    h = hashlib.sha256(struct.pack(">Q", GAME_ID) + s("DUEL") + struct.pack(">II", RULES_VERSION, BEST_OF)
                       + s(commitment()) + s(CLIENT_SEEDS["P1"]) + s(CLIENT_SEEDS["P2"])).digest()
    for entry in log:
        h = hashlib.sha256(h + struct.pack(">I", entry["seq"]) + s(entry["seat"]) + struct.pack(">I", entry["turn"])
                           + s(entry["action"]) + bytes([1 if entry["timedOut"] else 0])).digest()
    return h.hex()


# --- Playing it ------------------------------------------------------------------------------

def play():
    fighters = {"P1": fresh(), "P2": fresh()}
    log, account, outcome = [], [], None
    for turn, entries in enumerate(TURNS, start=1):
        if outcome:
            raise SystemExit(f"the action list goes on after the game ended in turn {turn - 1}")
        chosen = {}
        for seat, action, *flags in entries:
            timed_out = "timedOut" in flags
            if timed_out and action != "BLOCK":
                raise SystemExit(f"turn {turn}: a timed-out {seat} plays BLOCK, not {action}")
            if not legal(fighters[seat], action):
                raise SystemExit(f"turn {turn}: {action} is not allowed for {seat}")
            chosen[seat] = action
            log.append({"seq": len(log) + 1, "seat": seat, "turn": turn, "action": action, "timedOut": timed_out})
        fighters, seen, events = resolve(turn, fighters, chosen)
        outcome = decide(fighters, turn)
        account.append((turn, entries, seen, events, fighters))
    if not outcome:
        raise SystemExit("the action list ends before the game does")
    return log, account, outcome, fighters


def export(log, outcome, fighters):
    winner, reason = outcome
    return {
        "format": "solduel-game-export/2",
        "gameId": GAME_ID,
        "gameType": "DUEL",
        "rulesVersion": RULES_VERSION,
        "options": {"bestOf": BEST_OF},
        "serverSeed": SERVER_SEED,
        "serverSeedSha256": commitment(),
        "clientSeeds": dict(CLIENT_SEEDS),
        "actions": log,
        "actionLogSha256": digest(log),
        "result": {"outcome": winner, "reason": reason, "turnsPlayed": len(TURNS),
                   "score": {"P1": fighters["P1"]["hp"], "P2": fighters["P2"]["hp"]},
                   "forfeits": []},
    }


def main():
    log, account, outcome, fighters = play()
    if sys.argv[1:] == ["--export"]:
        print(json.dumps(export(log, outcome, fighters), indent=4))
        return
    print(f"server seed {SERVER_SEED}, client seeds P1 {CLIENT_SEEDS['P1']!r}, P2 {CLIENT_SEEDS['P2']!r}")
    for turn, entries, seen, events, after in account:
        moves = ", ".join(f"{seat} {action}" + (" (timed out)" if flags else "") for seat, action, *flags in entries)
        print(f"turn {turn}: {moves}")
        for seat, slot, index, n, value in seen:
            print(f"    draw(turn {turn}, index {index:2}, n {n:3}) = {value:2}   {seat} {slot}")
        for event in events:
            print(f"    {event}")
        print("    after: " + "; ".join(f"{seat} {f['hp']} HP, {f['energy']} energy, {f['heals']} heals left"
                                       + (" (no HEAL next turn)" if f["healed_last_turn"] else "")
                                       for seat, f in after.items()))
    winner, reason = outcome
    print(f"outcome: {winner} ({reason}) after {len(TURNS)} turns, "
          f"score P1 {fighters['P1']['hp']} - P2 {fighters['P2']['hp']}")
    print(f"actionLogSha256: {digest(log)}")


if __name__ == "__main__":
    main()
