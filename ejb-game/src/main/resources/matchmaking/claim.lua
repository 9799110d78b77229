-- Claims the pending pairs of one bucket (KEYS[1]) not touched for ARGV[2] ms as of ARGV[1] ms:
-- stamps them with now, so one node at a time recovers a pair (another may after ARGV[2] ms more).
-- Returns a flat list (match id, pair JSON) of the claimed ones.
local now, stale = tonumber(ARGV[1]), tonumber(ARGV[2])
local all = redis.call('HGETALL', KEYS[1])
local out = {}
for i = 1, #all, 2 do
  local pair = cjson.decode(all[i + 1])
  if tonumber(pair.at) <= now - stale then
    pair.at = now
    redis.call('HSET', KEYS[1], all[i], cjson.encode(pair))
    table.insert(out, all[i])
    table.insert(out, all[i + 1])
  end
end
return out
