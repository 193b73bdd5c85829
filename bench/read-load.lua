-- The reads a dashboard makes, round robin: stored rankings, scores and a series.
local paths = {
  "/api/v1/rankings?category=languages",
  "/api/v1/rankings?category=frameworks",
  "/api/v1/technologies/nestjs/score",
  "/api/v1/movers?direction=rising",
  "/api/v1/technologies/go/series?granularity=quarter",
}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
