-- Uncached reads that go to the database (a different series range on every request), and a count of the answers
-- by status, summed over wrk's threads: what a database outage does to clients.
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  statuses = {}
  counter = id * 100000
end

request = function()
  counter = counter + 1
  -- a day range not asked before, so no answer comes from memory
  local from = os.date("!%Y-%m-%d", 1104537600 + (counter % 7000) * 86400)
  local to = os.date("!%Y-%m-%d", 1767225600 + math.floor(counter / 7000) * 86400)
  return wrk.format("GET", "/api/v1/technologies/go/series?from=" .. from .. "&to=" .. to)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("status %d: %d\n", status, count))
  end
end
