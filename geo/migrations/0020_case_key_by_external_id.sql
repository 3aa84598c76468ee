-- The cases' key with the external id first: led by the source, the planner read the whole of
-- a source's entries (2.5 M at 10 M cases, ~0.2 s) beside the time index to filter the
-- partial months of a district's range by source (docs/benchmarks.md). The import's
-- ON CONFLICT (source_code, external_id) infers the key whatever its column order.
ALTER TABLE cases DROP CONSTRAINT cases_source_code_external_id_key;
ALTER TABLE cases ADD CONSTRAINT cases_external_id_source_code_key UNIQUE (external_id, source_code);
