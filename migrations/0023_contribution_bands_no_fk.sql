-- Each contribution writes 20 LSH band rows, and the foreign key to contributions checked every one
-- with its own lookup: 10,000 checks for a 500-item batch, most of the band insert's time (profiled in
-- bench/ingest.ts: 122 -> 45 ms a batch without it). Band rows are written only by submitContributions,
-- from the ids its own insert just returned, in the same transaction, and contributions are never
-- deleted, so the key could not catch anything.
alter table contribution_bands drop constraint contribution_bands_contribution_id_fkey;
