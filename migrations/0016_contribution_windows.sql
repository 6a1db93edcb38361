-- Contribution anchors are windows across datanets (each leaf names its datanet), so a batch row has
-- no single datanet; rows written before windows keep theirs.
alter table contribution_batches alter column datanet_id drop not null;
