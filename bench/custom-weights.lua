-- Every request asks for weights no request asked for before, in this run, on any wrk thread, so no cache can
-- answer: the ranking is computed from the in-memory components each time. (The weights before repeated every
-- 8,633 requests and were served from memory after the first second.)
local counter = 0
local id = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  id = tonumber(wrk.thread:get("id")) or 0
end

request = function()
  counter = counter + 1
  local topic = counter * 16 + id
  local path = "/api/v1/rankings?category=languages&weights=github_topic_developers:" .. topic
    .. ",search_interest:" .. ((counter % 89) + 1) .. ",qa_questions:1,developer_usage:7"
  return wrk.format("GET", path)
end
