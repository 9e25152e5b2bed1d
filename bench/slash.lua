-- wrk script for bench/limit.sh's slash-command part: POST the signed `/detour status` commands that
-- bench/SlashRequests.java wrote to SLASH_FILE (one a line: timestamp TAB signature TAB form body, all lines the same
-- length), with Slack's headers (X-Slack-Request-Timestamp, X-Slack-Signature, a form Content-Type). The requests
-- are signed in advance because wrk cannot compute an HMAC, and Detour takes each signature only once: a repeat is
-- a replay (docs/slack.md, request checks). So each of SLASH_THREADS (wrk's -t, default 2) threads reads its own
-- block of lines in init (one seek and one read: thread 1's init runs while thread 0 already sends) and sends each
-- line once; a thread that runs out stops and says so, and done() reports it, rather than sending a line twice.
-- SLASH_REPEAT=true lets a thread start its block again: only for nginx, which checks nothing, so that the
-- yardstick costs wrk the same Lua work per request without needing a file the size of nginx's rate.
-- Non-2xx answers (an expired timestamp or a bad signature is a 401) are wrk's own count, printed by done().
local file = assert(os.getenv("SLASH_FILE"), "SLASH_FILE names the file of signed requests")
local threads = tonumber(os.getenv("SLASH_THREADS") or "2")
local repeats = os.getenv("SLASH_REPEAT") == "true"

-- Main state: numbers the threads and keeps them for done().
local started = {}
function setup(thread)
  thread:set("id", #started)
  started[#started + 1] = thread
end

-- Thread state; lines and ranout are globals so that done() can read them through thread:get.
local data, width, sent, tab1, tab2, head
function init(args)
  if id >= threads then
    error("more wrk threads than SLASH_THREADS=" .. threads)
  end
  local f = assert(io.open(file, "rb"))
  local first = assert(f:read("*l"), "no signed requests in " .. file)
  width = #first + 1
  local size = f:seek("end")
  if size % width ~= 0 then
    error(file .. ": lines are not all " .. width .. " bytes long")
  end
  lines = math.floor(size / width / threads)
  f:seek("set", id * lines * width)
  data = f:read(lines * width) or ""
  f:close()
  tab1 = first:find("\t", 1, true)
  tab2 = first:find("\t", tab1 + 1, true)
  local bodyLength = width - 1 - tab2
  head = "POST " .. wrk.path .. " HTTP/1.1\r\nHost: " .. wrk.headers["Host"]
      .. "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " .. bodyLength
      .. "\r\nUser-Agent: Slackbot 1.0 (+https://api.slack.com/robots)\r\nX-Slack-Request-Timestamp: "
  sent = 0
  ranout = false
end

function request()
  if sent == lines then
    if repeats and lines > 0 then
      sent = 0
    else
      if not ranout then
        ranout = true
        io.stderr:write(string.format("slash.lua: thread %d ran out of signed requests after %d\n", id, sent))
        wrk.thread:stop()
      end
      return ""
    end
  end
  local at = sent * width
  sent = sent + 1
  return head .. data:sub(at + 1, at + tab1 - 1) .. "\r\nX-Slack-Signature: " .. data:sub(at + tab1 + 1, at + tab2 - 1)
      .. "\r\n\r\n" .. data:sub(at + tab2 + 1, at + width - 1)
end

function done(summary, latency, requests)
  local available, out = 0, {}
  for _, thread in ipairs(started) do
    available = available + thread:get("lines")
    if thread:get("ranout") then
      out[#out + 1] = thread:get("id")
    end
  end
  io.write(string.format("slash.lua: %d signed requests available, %d answered, non-2xx %d%s, ran out: %s\n",
      available, summary.requests, summary.errors.status, repeats and " (lines repeated: nginx only)" or "",
      #out == 0 and "no" or ("threads " .. table.concat(out, ","))))
end
