-- Settles a pending pair whose game will not be made: removes it from KEYS[3] (pending) and puts
-- the given players back in the bucket (KEYS[1] queue, KEYS[2] since) with their ORIGINAL join
-- times. Only the caller that removes the pending entry puts anyone back, so two nodes settling
-- the same pair requeue nobody twice. ARGV: match id, then (wallet, rating, joined ms) per player.
-- Returns 1 when this call settled the pair, 0 when it was settled already.
if redis.call('HDEL', KEYS[3], ARGV[1]) == 0 then
  return 0
end
for i = 2, #ARGV, 3 do
  redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i])
  redis.call('ZADD', KEYS[2], ARGV[i + 2], ARGV[i])
end
return 1
