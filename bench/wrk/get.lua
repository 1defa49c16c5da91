-- GET requests rotating through BENCH_LINES; a line with an ETag sends If-None-Match.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local lines
local counter = 0

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
  if line.etag then
    headers["If-None-Match"] = line.etag
  end
  return wrk.format("GET", line.path, headers)
end
