-- bench/cluster's steady reads, round robin over the paths a dashboard and an API client read (each connection
-- starts at a different path). The client key comes from wrk's -H, so the client budget applies, not the
-- anonymous one.
-- The paths are bench/cluster-paths.txt's, shared with the Python load client; wrk runs from the repository root.
local paths = {}
for line in io.lines("bench/cluster-paths.txt") do
  paths[#paths + 1] = line
end
local counter = 0
init = function(args)
  counter = math.random(#paths)
end
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
