-- The Dispute aggregate now decides who may see a dispute and at which level it stands; nothing reads this
-- command-side copy any more.
DROP TABLE dispute_lookup;
