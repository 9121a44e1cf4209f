# Queries that test/clients.test runs in the sqlite3 shell, Python and
# Node.js, one per line; the answers must be identical.  readfile('F') is
# the shell's; the clients bind the contents of F instead.
SELECT responsibility('arn:aws:ec2:us-east-1:123456789012:instance/i-0abc12345', 'guest_os_patching') AS owner
SELECT responsibility('arn:aws:rds:us-east-1:123456789012:db:orders', 'guest_os_patching') AS owner
SELECT responsibility('AWS::S3::Bucket', 'customer_data') AS owner
SELECT responsibility('ecs', 'guest_os_patching', 'fargate') AS fargate, responsibility('ecs', 'guest_os_patching', 'ec2') AS ec2
SELECT responsibility('Amazon EC2', 'patch_management') AS owner
SELECT responsibility(NULL, 'hardware') AS a, responsibility('nothing', 'hardware') AS b, srm_service('') AS c
SELECT responsibility_why('ecs', 'guest_os_patching', 'fargate') AS why
SELECT srm_service('aws_ec2_instances') AS s, srm_category('Amazon DynamoDB') AS c, srm_variant('AWS::EKS::Nodegroup') AS v
SELECT srm_arn('arn:aws-cn:iam::123456789012:role/admin', 'partition') AS p, srm_arn('arn:aws:s3:::b/k', 'resource_id') AS id
SELECT srm_version() AS version
SELECT json_extract(srm_debug(), '$.rows.services') AS services
SELECT service, variant, control, owner, basis FROM srm_matrix WHERE service = 'lambda' AND control = 'platform_patching'
SELECT count(*) AS n FROM srm_services
SELECT alias, service FROM srm_aliases WHERE alias = 'Amazon S3'
SELECT count(*) AS n, count(service) AS resolved, count(variant) AS variants FROM srm_inventory(readfile('data/samples/aws_config_snapshot.json'))
SELECT arn, service, variant FROM srm_inventory(readfile('data/samples/aws_config_query.json')) WHERE variant IS NOT NULL ORDER BY arn
SELECT count(*) AS n FROM srm_inventory(readfile('data/samples/arn_list.txt'), 'arn_list')
SELECT responsibility('ec2', 'nope') AS owner
SELECT responsibility('s3', 'customer_data', 'fargate') AS owner
SELECT srm_arn('arn:aws:s3:::b', 'bucket') AS x
SELECT count(*) FROM srm_inventory('{"x": 1}')
