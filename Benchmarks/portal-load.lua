-- wrk script: posts driver applications to the API, each for a new driver, with a bearer token.
-- The application's text comes from $APPLICATION, with @@DRIVER@@ where the driver number goes.
local threads = {}
local template = io.open(os.getenv("APPLICATION")):read("*a")
local token = os.getenv("TOKEN")
local letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
-- Which wrk this is, when several load several instances at once: their drivers differ too.
local instance = tonumber(os.getenv("INSTANCE") or "0")

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads + 4 * instance)
end

function init(args)
  counter = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/yaml"
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- A valid, distinct GB driving licence number for each request of each thread.
local function driver_number(n)
  local function letter(i) return letters:sub(i % 26 + 1, i % 26 + 1) end
  return "LOADT" .. "705" .. "1" .. "5" .. "7" .. letter(id) .. letter(math.floor(n / 6760)) .. (n % 10)
    .. letter(math.floor(n / 10) % 26) .. letter(math.floor(n / 260) % 26)
end

function request()
  counter = counter + 1
  local body = template:gsub("@@DRIVER@@", driver_number(counter))
  return wrk.format(nil, nil, nil, body)
end
