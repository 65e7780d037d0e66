-- #16 item 3: the mass-incident rule counts, at every registration, the complaints of the same
-- business line, category and product in the window and the 8 windows before (countSameMatter).
-- complaints_line_category_idx has no product, so the count read every complaint row of the line
-- and category in those 63 days: 232 ms on average at a million complaints (bench/RESULTS.md).
-- With product in the index the count is an index-only scan.
CREATE INDEX complaints_same_matter_idx ON complaints (business_line, category, product, received_at);
