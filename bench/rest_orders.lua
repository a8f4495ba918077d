-- wrk script for bench/rest.py: every request POSTs a distinct order; non-201 answers are counted.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init(args)
  key = args[1]
  failures = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. key
end

function request()
  counter = counter + 1
  local i = thread_id * 100000000 + counter
  local body = string.format([[{"external_id":"W-%d","placed_at":"2026-0%d-%02dT%02d:00:00+00:00",
"currency":"EUR","payment_method":"%s","customer":{"name":"Customer %d","email":"c%d@example.com",
"phone":"+35840%07d"},"shipping_address":{"line1":"Street %d","city":"Helsinki",
"postcode":"00%03d","country":"FI"},"lines":[{"sku":"SKU-%d","product":"Item","quantity":%d,
"unit_price":1990},{"sku":"CAP","product":"Cap","quantity":1,"unit_price":990}]}]],
    i, 1 + i % 9, 1 + i % 28, i % 24, (i % 3 == 0) and "card" or "cod", i % 5000, i % 5000,
    i % 5000, i % 300, i % 900, i % 50, 1 + i % 3)
  return wrk.format(nil, "/api/v1/orders", nil, body)
end

function response(status, headers, body)
  if status ~= 201 then failures = failures + 1 end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("failures") end
  io.write(string.format("RESULT requests=%d failures=%d seconds=%.2f p50=%.2f p90=%.2f p99=%.2f max=%.2f\n",
    summary.requests, failed, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
