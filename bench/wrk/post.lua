-- POST a status update on rotating actions (BENCH_LINES holds their paths), each request
-- with its own Idempotency-Key: BENCH_RUN makes keys unique across runs.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local lines
local counter = 0
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local body = '{"rag":"green","status":"in_progress",' ..
  '"narrative":"Audits of practice show steady improvement in the timeliness of assessments; ' ..
  'supervision records are up to date and the quality assurance panel met as planned.",' ..
  '"next_steps":"Continue the monthly audit cycle and report to the partnership board."}'

setup = common.setup
done = common.done

function init(args)
  lines = common.read_lines()
  counter = (thread_id or 0) * 7919
end

function request()
  counter = counter + 1
  local line = lines[(counter % #lines) + 1]
  local headers = common.headers()
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, thread_id or 0, counter)
  return wrk.format("POST", line.path, headers, body)
end
