-- One pairing step over ONE bucket (all keys share the bucket's hash tag, so one cluster slot).
-- Atomic: while it runs no other client (another node's loop, a join, a leave) touches these keys,
-- so a player is taken by one pair at most. Documented in docs/matchmaking.md.
--
-- KEYS[1] queue   zset  member = wallet, score = rating
-- KEYS[2] since   zset  member = wallet, score = join time (epoch ms)
-- KEYS[3] pending hash  field = match id, value = JSON of the pair (recovered if its game is not made)
-- ARGV: now ms, max pairs, start width, step, step ms, cap (< 0: unlimited), ttl ms, call id,
--       candidates looked at on each side of a rating
--
-- Returns { pairs, expired }: pairs is a flat list of 7-tuples
-- (match id, wallet a, rating a, joined a, wallet b, rating b, joined b), a being the longer waiting;
-- expired lists the wallets removed because they waited ttl ms or longer.
local queue, since, pending = KEYS[1], KEYS[2], KEYS[3]
local now = tonumber(ARGV[1])
local maxPairs = tonumber(ARGV[2])
local start, step, stepMs, cap = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local ttl = tonumber(ARGV[7])
local callId = ARGV[8]
local side = tonumber(ARGV[9])

local expired = redis.call('ZRANGEBYSCORE', since, '-inf', now - ttl)
for _, wallet in ipairs(expired) do
  redis.call('ZREM', queue, wallet)
  redis.call('ZREM', since, wallet)
end

-- The search width of a player who joined at `joined`: start + step per full stepMs waited, capped.
local function width(joined)
  local waited = now - joined
  if waited < 0 then waited = 0 end
  local w = start + step * math.floor(waited / stepMs)
  if cap >= 0 and w > cap then w = cap end
  return w
end

local waiting = redis.call('ZRANGE', since, 0, -1, 'WITHSCORES')
local taken = {}
local out = {}
local made = 0
for i = 1, #waiting, 2 do
  if made >= maxPairs then break end
  local p = waiting[i]
  if not taken[p] then
    local joinedP = waiting[i + 1]
    local ratingP = redis.call('ZSCORE', queue, p)
    if ratingP then
      local rp = tonumber(ratingP)
      local wp = width(tonumber(joinedP))
      local best, bestRating, bestJoined, bestDist, bestJoinedText
      local function consider(list)
        for j = 1, #list, 2 do
          local c = list[j]
          if c ~= p then
            local rc = tonumber(list[j + 1])
            local dist = math.abs(rc - rp)
            if best == nil or dist <= bestDist then
              local joinedC = redis.call('ZSCORE', since, c)
              -- Acceptable to both: within p's range and within the candidate's own range.
              if joinedC and dist <= width(tonumber(joinedC)) then
                local jc = tonumber(joinedC)
                if best == nil or dist < bestDist or jc < bestJoined then
                  best, bestRating, bestJoined, bestDist = c, list[j + 1], jc, dist
                  bestJoinedText = joinedC
                end
              end
            end
          end
        end
      end
      consider(redis.call('ZRANGEBYSCORE', queue, rp, rp + wp, 'WITHSCORES', 'LIMIT', 0, side))
      consider(redis.call('ZREVRANGEBYSCORE', queue, rp, rp - wp, 'WITHSCORES', 'LIMIT', 0, side))
      if best then
        taken[p] = true
        taken[best] = true
        redis.call('ZREM', queue, p, best)
        redis.call('ZREM', since, p, best)
        made = made + 1
        local id = callId .. '-' .. made
        redis.call('HSET', pending, id, cjson.encode({a = p, ra = ratingP, sa = joinedP,
          b = best, rb = bestRating, sb = bestJoinedText, at = now}))
        table.insert(out, id)
        table.insert(out, p)
        table.insert(out, ratingP)
        table.insert(out, joinedP)
        table.insert(out, best)
        table.insert(out, bestRating)
        table.insert(out, bestJoinedText)
      end
    end
  end
end
return { out, expired }
