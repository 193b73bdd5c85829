-- The reads a dashboard makes, round robin: stored rankings, scores, movers and a series. Each connection waits
-- 30 ms between requests, so 32 connections read about 1,000 times a second: a steady load that leaves the CPU room,
-- so latency shows what writes and recomputes do to reads rather than what saturation does.
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
delay = function()
  return 30
end
