-- Deliberately failing specs: busted's failure and error reports (and its exit status) must be
-- the same under flashlua as under lua5.1.
describe("failures", function()
  it("fails an assertion", function()
    assert.are.equal(1, 2)
  end)
  it("fails a deep comparison", function()
    assert.are.same({ 1, { 2, 3 } }, { 1, { 2, 4 } })
  end)
  it("raises an error", function()
    local t = nil
    return t.field
  end)
  it("raises a table error", function()
    error({ code = 42 })
  end)
  it("passes", function() assert.is_true(true) end)
end)
