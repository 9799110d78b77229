-- Puts a wallet in one bucket (KEYS[1] queue by rating, KEYS[2] since by join time), both or neither.
-- ARGV: wallet, rating, joined ms. Returns 1 when added, 0 when it was there already (left unchanged).
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
return 1
