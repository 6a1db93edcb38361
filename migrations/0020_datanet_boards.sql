-- Per-datanet contributor boards sum the payouts whose transaction memo names the datanet
-- (validation outcomes and paid-call splits both do): an index on that memo field lets a board
-- read only its datanet's transactions instead of every ledger transaction.
create index ledger_transactions_memo_datanet on ledger_transactions ((memo->>'datanetId'))
  where memo ? 'datanetId';
