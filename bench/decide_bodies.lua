-- wrk script for bench/decide.py: POSTs the payloads of a file (one JSON body a line) in
-- turn to /api/v1/decide; answers other than 200 are counted.
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init(args)
  failures = 0
  bodies = {}
  for line in io.lines(args[2]) do table.insert(bodies, line) end
  counter = tonumber(args[3]) + thread_id * 7919
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. args[1]
end

function request()
  counter = counter + 1
  return wrk.format(nil, "/api/v1/decide", nil, bodies[counter % #bodies + 1])
end

function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
  io.write(string.format("RESULT requests=%d failures=%d seconds=%.2f p50=%.2f p90=%.2f p99=%.2f max=%.2f\n",
    summary.requests, failed, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
