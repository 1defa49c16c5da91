-- Shared by the benchmark's wrk scripts: the API key, the rotating request lines, and a
-- `done` that prints the figures as one JSON line for bench/run.py to read.
--
-- Environment: BENCH_KEY (the bearer key), BENCH_LINES (a file, one request a line:
-- a path with its query, optionally a tab and an ETag to send as If-None-Match).

local common = {}

function common.read_lines()
  local path = os.getenv("BENCH_LINES")
  local lines = {}
  for line in io.lines(path) do
    if line ~= "" then
      local target, etag = line:match("^([^\t]+)\t(.+)$")
      lines[#lines + 1] = { path = target or line, etag = etag }
    end
  end
  assert(#lines > 0, "no request lines in " .. tostring(path))
  return lines
end

function common.headers()
  return { ["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY"), ["Accept"] = "application/json" }
end

local next_thread = 0

-- Threads start at different places in the rotation.
function common.setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
end

function common.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,' ..
    '"p99_us":%d,"max_us":%d,"mean_us":%.1f,"errors":{"connect":%d,"read":%d,"write":%d,' ..
    '"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
end

return common
