-- wrk script for bench/limit.sh's gateway part: POST /signals/gateway with one batch of BATCH outcomes (default
-- 500, the size issue 4 measures), the same for the nginx yardstick and for Detour. Outcomes as bench/GatewayLoad.java
-- sends them: three models, about 2% failed. The signal token comes from the environment (BENCH_SIGNAL_TOKEN).
local batch = tonumber(os.getenv("BATCH") or "500")
local models = { { "anthropic", "claude-opus-4-8" }, { "anthropic", "claude-sonnet-4-6" }, { "openai", "gpt-5" } }
local outcomes = {}
for i = 1, batch do
  local model = models[(i % #models) + 1]
  local failed = (i % 50) == 0
  outcomes[i] = string.format('{"provider":"%s","model":"%s","ok":%s,"status":%d,"latencyMs":%d,'
      .. '"at":"2026-06-07T07:12:03Z"}', model[1], model[2], tostring(not failed), failed and 529 or 200,
      200 + (i * 37) % 3000)
end
wrk.method = "POST"
wrk.body = '{"outcomes":[' .. table.concat(outcomes, ",") .. ']}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_SIGNAL_TOKEN") or "bench-signal-token")
