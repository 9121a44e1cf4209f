#!/bin/sh
# test/fuzz/seeds.sh DIR: write the seed corpora of the fuzz targets into
# DIR/resolve, DIR/arn, DIR/inventory and DIR/requirement, from
# data/samples/ and a few identifiers, ARNs and requirement ids of every
# dialect.  Run from the top of the tree.
set -e
out=${1:?usage: seeds.sh DIR}
rm -rf "$out"
mkdir -p "$out/resolve" "$out/arn" "$out/inventory" "$out/requirement"

# Identifiers and ARNs, one per line.
ids='arn:aws:ec2:us-east-1:123456789012:instance/i-0abc12345
arn:aws:ec2:us-east-1:123456789012:volume/vol-1
arn:aws:ec2:us-east-1::snapshot/snap-1
arn:aws:rds:us-east-1:123456789012:db:orders
arn:aws:lambda:us-east-1:123456789012:function:f
arn:aws:eks:eu-west-1:111111111111:nodegroup/prod/ng-1/1a2b
arn:aws:s3:::my-bucket
arn:aws-us-gov:iam::123456789012:role/admin
arn:aws-cn:sns:cn-north-1:123456789012:topic
arn:aws:ecs:us-east-1:111111111111:task-definition/web-api:42
AWS::EC2::Instance
AWS::EKS::Nodegroup
AWS::Lambda::Function
ec2:instance
ec2:volume
aws_ec2_instance
aws_vpc_security_group
aws_ec2_instances
Amazon Elastic Compute Cloud
Amazon EC2
ec2
ecs
eks
lambda
rds:'
i=0
printf '%s\n' "$ids" | while IFS= read -r line; do
  i=$((i + 1))
  n=$(printf '%s' "$line" | wc -c)
  [ "$n" -lt 255 ] || continue
  len="\\$(printf '%03o' "$n")"
  # resolve: mode byte (control index << 2 | 3 arguments << 1 | blob),
  # length of x, length of the control segment, x, control, variant
  printf "\\000${len}\\000%s" "$line" > "$out/resolve/id$i-a"
  printf "\\032${len}\\000%sfargate" "$line" > "$out/resolve/id$i-b"
  printf "\\376${len}\\020%spatch_managementmanaged_runtime" "$line" > "$out/resolve/id$i-c"
  # arn: mode byte, length of the ARN, ARN, part
  printf "\\002${len}%sregion" "$line" > "$out/arn/id$i-a"
  printf '\001\377%s' "$line" > "$out/arn/id$i-b"
done

# requirement: framework byte (bit 0: 800-171), then an id as people write it.
j=0
for r in ac-2 AC-2 'AC-2(1)' ac-2.1 'AC-02(01)' 'ac-2 (1)' PE-3 'SI-4(23)' ac-13; do
  j=$((j + 1)); printf '\000%s' "$r" > "$out/requirement/r$j"
done
for r in 03.01.01 SP_800_171_03.01.01 sp_800_171_03.13.08 03.01.13; do
  j=$((j + 1)); printf '\001%s' "$r" > "$out/requirement/r$j"
done

# inventory: format byte (0..4 the format, 6 detect), then the document.
n=0
for f in aws_config_snapshot.json aws_config_query.json aws_tagging.json \
         aws_resource_explorer.json arn_list.txt; do
  { printf "\\00$n"; cat "data/samples/$f"; } > "$out/inventory/$f"
  { printf '\006'; cat "data/samples/$f"; } > "$out/inventory/detect-$f"
  n=$((n + 1))
done
printf '\004%s\n' "$ids" > "$out/inventory/arns"
# Bytes as a program binds them (byte 0 bit 7: a blob): gzip streams (one
# member, two members, truncated), a byte order mark, a UTF-16 document.
gz=$out/inventory/gz.tmp
gzip -c data/samples/aws_config_snapshot.json > "$gz"
{ printf '\206'; cat "$gz"; } > "$out/inventory/gzip-snapshot"
{ printf '\200'; cat "$gz"; } > "$out/inventory/gzip-snapshot-format"
{ printf '\206'; cat "$gz" "$gz"; } > "$out/inventory/gzip-two-members"
{ printf '\206'; head -c 200 "$gz"; } > "$out/inventory/gzip-truncated"
gzip -c data/samples/arn_list.txt > "$gz"
{ printf '\204'; cat "$gz"; } > "$out/inventory/gzip-arns"
rm -f "$gz"
{ printf '\206\357\273\277'; cat data/samples/aws_tagging.json; } > "$out/inventory/bom-tagging"
printf '\206\377\376{\000}\000' > "$out/inventory/utf16"
printf '\006{"Resources":[]}' > "$out/inventory/empty"
# Findings (srm_findings() reads every input too): the three samples.
for f in securityhub_findings.json config_compliance.json prowler_ocsf.json; do
  { printf '\006'; cat "data/samples/$f"; } > "$out/inventory/findings-$f"
done
