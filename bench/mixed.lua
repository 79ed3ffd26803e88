-- wrk script: a mixed read and write load on the API. One request in five registers a new initiative (its name
-- carries RUN, the thread and a counter, so the database can be checked afterwards); the others read a list, a
-- search or the summary report. Every thread counts answers by status; done() prints the totals.
local threads = {}
local reads = {
  "/api/v1/initiatives?unit=40",
  "/api/v1/initiatives?q=mo%20hinh",
  "/api/v1/reports/summary?unit=40&from=2026-01-01&to=2026-12-31",
  "/api/v1/initiatives?unit=40&page=3",
}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
  written = 0
  n = 0
  token = os.getenv("TOKEN")
  run = os.getenv("RUN")
end

function request()
  n = n + 1
  local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  if n % 5 == 0 then
    local name = string.format("Tải %s %d-%d", run, id, n)
    local body = '{"name":"' .. name .. '","field":"economy","kind":"collective","origin":"new","ownerName":"Hội Nông dân",'
      .. '"unitCode":"16939","registeredOn":"2026-03-01","status":"active"}'
    return wrk.format("POST", "/api/v1/initiatives", headers, body)
  end
  return wrk.format("GET", reads[(n % #reads) + 1], headers)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, c in pairs(t:get("counts")) do
      total[status] = (total[status] or 0) + c
    end
  end
  local line = "statuses:"
  for status, c in pairs(total) do
    line = line .. " " .. status .. "=" .. c
  end
  print(line)
  print("created=" .. (total[201] or 0))
  print(string.format("socket errors: connect %d, read %d, write %d, timeout %d", summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
