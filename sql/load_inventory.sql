-- load_inventory.sql: append an inventory document to the table inventory.
--
--   sqlite3 inventory.db -cmd '.load ./srm' \
--     -cmd ".parameter set :document readfile('snapshot.json')" < sql/load_inventory.sql
--
-- :document is an AWS Config snapshot (gzipped or not) or
-- select-resource-config output, a get-resources (tagging) or
-- resource-explorer-2 search output, or a list of ARNs; srm_inventory()
-- tells which.  :format names the format when set (aws_config_snapshot,
-- aws_config_query, aws_tagging, aws_resource_explorer, arn_list).  From
-- Python or Node.js, bind the file's bytes to the same INSERT (README,
-- "Getting inventories in").  The rows are appended, so several documents
-- make one inventory; the last statement prints how many this one added.
CREATE TABLE IF NOT EXISTS inventory(
  arn TEXT, service TEXT, variant TEXT, resource_type TEXT, resource_id TEXT,
  name TEXT, account TEXT, region TEXT, tags TEXT
);
INSERT INTO inventory(arn, service, variant, resource_type, resource_id, name, account, region, tags)
  SELECT arn, service, variant, resource_type, resource_id, name, account, region, tags
    FROM srm_inventory(:document, :format);
SELECT changes() AS loaded;
