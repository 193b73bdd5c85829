-- One client flooding the service with URLs it never sent before: unknown parameters (refused with 400) and custom
-- weights (answered, and cached until the cache's byte budget evicts them). Memory must stay bounded.
local counter = 0
request = function()
  counter = counter + 1
  if counter % 2 == 0 then
    return wrk.format("GET", "/api/v1/compare?technologies=go,java&junk" .. counter .. "=" .. string.rep("x", 200))
  end
  return wrk.format("GET", "/api/v1/rankings?category=languages&weights=github_topic_developers:"
    .. counter .. ",search_interest:" .. (counter % 97 + 1))
end
