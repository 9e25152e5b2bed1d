-- wrk script for bench/limit.sh: the request an OpenFeature OFREP provider sends (POST, JSON context, bearer
-- token), identical for the nginx yardstick and for Detour so both answer the same bytes on the wire.
-- The token comes from the environment (BENCH_TOKEN), as bench/limit.sh starts Detour with it.
wrk.method = "POST"
wrk.body = '{"context":{"targetingKey":"user-4711"}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "bench-token")
