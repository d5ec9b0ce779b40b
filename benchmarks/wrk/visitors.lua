-- Browsing or searching visitors for wrk: each connection is one visitor who walks through a
-- list of paths (given in the PATHS file) and reports p50/p95/p99 and errors
-- as one JSON line. Searches carry a random X-Forwarded-For, as visitors
-- behind the load balancer would, so per-client limits see many clients.
local paths = {}
local counter = 0
errors = 0  -- global, so done() can read it from each thread
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("PATHS_FILE")) do
    if #line > 0 then table.insert(paths, line) end
  end
  counter = math.random(#paths)
  math.randomseed(os.time() + counter)
end

function request()
  counter = counter % #paths + 1
  local headers = {}
  if os.getenv("SPREAD_CLIENTS") == "1" then
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d",
      math.random(0, 255), math.random(0, 255), math.random(1, 254))
  end
  return wrk.format("GET", paths[counter], headers)
end

-- A visitor reads for a moment between clicks (THINK_MS_MIN..THINK_MS_MAX ms);
-- without it, 100 connections would be 100 requests in flight at every instant.
function delay()
  local low = tonumber(os.getenv("THINK_MS_MIN") or "500")
  local high = tonumber(os.getenv("THINK_MS_MAX") or "2000")
  if high <= 0 then return 0 end
  return math.random(low, high)
end

function response(status, headers, body)
  if status >= 400 then errors = errors + 1 end
end

function done(summary, latency, requests)
  local total_errors = 0
  for _, thread in ipairs(threads) do total_errors = total_errors + thread:get("errors") end
  io.write(string.format(
    '{"requests": %d, "seconds": %.2f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, ' ..
    '"max_ms": %.2f, "errors": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    total_errors + summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
