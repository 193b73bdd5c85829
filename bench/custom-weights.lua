-- Every request asks for different weights, so the ranking is computed, not served from memory.
local counter = 0
request = function()
  counter = counter + 1
  local topic = (counter % 97) + 1
  local search = ((counter * 7) % 89) + 1
  local path = "/api/v1/rankings?category=languages&weights=github_topic_developers:" .. topic
    .. ",search_interest:" .. search .. ",qa_questions:1"
  return wrk.format("GET", path)
end
