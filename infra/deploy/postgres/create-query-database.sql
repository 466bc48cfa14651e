-- Run once by the postgres image when its data volume is new (compose.yaml): the query side's database, beside the
-- command side's (POSTGRES_DB). Each service's Flyway migrations create its tables at start.
CREATE DATABASE leadledger_query;
