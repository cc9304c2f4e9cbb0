local x = undefined_table.field
