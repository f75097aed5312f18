-- Applied to both sides of the tracked-changes comparison (tests/diff/
-- tracked_changes_client_test.cc), for two ways in which pandoc's reading differs
-- from Word's and LibreOffice's without the documents differing:
-- * pandoc resolves the changes of runs and paragraph marks but not those of
--   whole table rows (w:trPr/w:ins, w:trPr/w:del): the row stays, with empty
--   cells. A row whose cells are all empty is dropped.
-- * In the same way a list item whose paragraph was deleted or inserted as a
--   whole stays as an empty item: empty items, and lists left empty, are dropped.
-- * pandoc moves a space at the end of a bold or italic run out of it, so text
--   that was split into runs reads Strong[a], Space, Strong[b] where the
--   unsplit text reads Strong[a, Space, b]. Such neighbours are joined.
local function empty_row(row)
  for _, cell in ipairs(row.cells) do
    if #cell.contents > 0 then return false end
  end
  return true
end

local function without_empty_rows(rows)
  local kept = {}
  for _, row in ipairs(rows) do
    if not empty_row(row) then table.insert(kept, row) end
  end
  return kept
end

-- A table left without rows (all of them inserted or deleted) is dropped too.
function Table(t)
  t.head.rows = without_empty_rows(t.head.rows)
  local rows = #t.head.rows
  for _, body in ipairs(t.bodies) do
    body.body = without_empty_rows(body.body)
    rows = rows + #body.body
  end
  if rows == 0 then return {} end
  return t
end

local function join(inlines, kind)
  local out = pandoc.Inlines {}
  for _, x in ipairs(inlines) do
    local n = #out
    if x.t == kind and n >= 2 and out[n].t == "Space" and out[n - 1].t == kind then
      out:remove(n)
      out[n - 1].content:insert(pandoc.Space())
      out[n - 1].content:extend(x.content)
    elseif x.t == kind and n >= 1 and out[n].t == kind then
      out[n].content:extend(x.content)
    else
      out:insert(x)
    end
  end
  return out
end

function Inlines(inlines)
  return join(join(inlines, "Strong"), "Emph")
end

local function without_empty_items(list)
  local kept = {}
  for _, item in ipairs(list.content) do
    if #item > 0 then table.insert(kept, item) end
  end
  if #kept == 0 then return {} end
  list.content = kept
  return list
end

BulletList = without_empty_items
OrderedList = without_empty_items
