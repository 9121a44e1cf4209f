-- load_inventory.sql: load an inventory document into the table inventory.
--
--   sqlite3 inventory.db -cmd '.load ./srm' \
--     -cmd ".parameter set :file 'snapshot.json'" < sql/load_inventory.sql
--
-- :file is an AWS Config snapshot or select-resource-config output, a
-- get-resources (tagging) or resource-explorer-2 search output, or a list
-- of ARNs, one per line; srm_inventory() tells which.  To name the format,
-- also set :format (aws_config_snapshot, aws_config_query, aws_tagging,
-- aws_resource_explorer, arn_list).  The rows are appended, so several
-- documents can be loaded into one inventory; the count of rows loaded
-- from this document is printed.
.bail on
CREATE TABLE IF NOT EXISTS inventory(
  arn TEXT, service TEXT, variant TEXT, resource_type TEXT, resource_id TEXT,
  name TEXT, account TEXT, region TEXT, tags TEXT
);
INSERT INTO inventory(arn, service, variant, resource_type, resource_id, name, account, region, tags)
  SELECT arn, service, variant, resource_type, resource_id, name, account, region, tags
    FROM srm_inventory(readfile(:file), :format);
SELECT changes() AS loaded;
