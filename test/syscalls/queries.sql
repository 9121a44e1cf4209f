-- test/syscalls/queries.sql: what `make syscalls` runs under strace.
-- The two readfile() calls of missing files are markers in the trace:
-- between them srm must make no file and no network system call.
SELECT readfile('/srm-syscalls-start');
SELECT responsibility('arn:aws:ec2:us-east-1:123456789012:instance/i-1', 'guest_os_patching');
SELECT responsibility_why('AWS::S3::Bucket', 'customer_data');
SELECT count(*) FROM srm_matrix;
SELECT count(*) FROM srm_services, srm_aliases USING (service);
SELECT srm_arn('arn:aws:s3:::b', 'service'), srm_debug() IS NOT NULL;
SELECT count(*) FROM srm_inventory('{"configurationItems": [{"ARN": "arn:aws:s3:::b",
  "resourceType": "AWS::S3::Bucket", "tags": {"Name": "b"}}]}');
SELECT count(*) FROM srm_inventory('arn:aws:s3:::a
arn:aws:sqs:us-east-1:1:q');
SELECT srm_overlay_init();
INSERT INTO srm_decisions(service, control, owner, reason, approved_by)
  VALUES ('s3', 'customer_data', 'shared', 'r', 'a');
SELECT effective_responsibility('arn:aws:s3:::b', 'customer_data');
SELECT length(srm_svg('ec2')) > 0, length(srm_svg_compare('ecs', 'ec2', 'fargate')) > 0,
       srm_html('<a>');
SELECT readfile('/srm-syscalls-end');
