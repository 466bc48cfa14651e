#!/bin/sh
# Run once by the postgres image when its data volume is new (compose.yaml), as the superuser: the services' two roles
# (docs/operations.md, "Database roles") and a database per service, owned by the migration owner. The services'
# Flyway migrations create the tables at start and grant the application role what it needs on them, no more.
set -eu
psql --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     --set owner_password="$LEADLEDGER_DB_MIGRATION_PASSWORD" --set app_password="$LEADLEDGER_DB_PASSWORD" <<'SQL'
-- runs the migrations and owns every table
CREATE ROLE leadledger_owner LOGIN PASSWORD :'owner_password';
-- the services' own connections: owns nothing, may append events but never change or remove them
CREATE ROLE leadledger_app LOGIN PASSWORD :'app_password';
CREATE DATABASE leadledger_command OWNER leadledger_owner;
CREATE DATABASE leadledger_query OWNER leadledger_owner;
REVOKE ALL ON DATABASE leadledger_command, leadledger_query FROM PUBLIC;
GRANT CONNECT ON DATABASE leadledger_command, leadledger_query TO leadledger_app;
SQL
