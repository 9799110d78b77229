-- Takes a wallet out of one bucket (KEYS[1] queue, KEYS[2] since) if it is still waiting there and,
-- when ARGV[2] is not empty, only if it joined at exactly ARGV[2] ms (so a sweep never removes a
-- player who left and joined again meanwhile). Returns 1 when removed, 0 otherwise.
local joined = redis.call('ZSCORE', KEYS[2], ARGV[1])
if not joined then
  return 0
end
if ARGV[2] ~= '' and tonumber(joined) ~= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
