#!/usr/bin/env bash
# The AWS CLI commands the mock must answer as AWS does: every EC2 and SSM operation the mock
# implements, success paths only, each printing JSON. It runs against whatever the environment points
# the CLI at (AWS_ENDPOINT_URL_EC2 / _SSM / _IAM): `vmc-reach mock serve` or moto_server.
#   TARGET=mock|moto   selects the few target-specific lines (moto checks IAM instance profiles).
#   VM_IP              an SDDC VM address to ping (mock: CJ-VM01 of the article world).
# Plain bash can run it (slowly: one Python start per command); the tests run it through
# scripts/aws-cli-batch.py, which executes this same file with the AWS CLI's own driver in one
# process. Keep to the subset that runner understands: comments, `export`, `NAME=$(aws …)`,
# `aws …`, and one-line `if [ "$TARGET" = x ]; then aws …; fi`.
set -euo pipefail
export TARGET="${TARGET:-mock}"
export VM_IP="${VM_IP:-192.168.100.10}"

# Network discovery (the VPC, its first subnet, the main route table, the default NACL).
VPC_ID=$(aws ec2 describe-vpcs --query 'Vpcs[0].VpcId' --output text)
aws ec2 describe-vpcs --vpc-ids "$VPC_ID"
aws ec2 describe-vpcs --filters "Name=vpc-id,Values=$VPC_ID" --max-results 5
SUBNET_ID=$(aws ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC_ID" --query 'Subnets[0].SubnetId' --output text)
aws ec2 describe-subnets --subnet-ids "$SUBNET_ID"
aws ec2 describe-route-tables --filters "Name=vpc-id,Values=$VPC_ID" "Name=association.main,Values=true"
aws ec2 describe-network-acls --filters "Name=vpc-id,Values=$VPC_ID" "Name=default,Values=true"
aws ec2 describe-availability-zones
aws ec2 describe-availability-zones --filters "Name=zone-name,Values=*a"

# The AMI, from the public SSM parameter.
AMI_ID=$(aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --query Parameter.Value --output text)
aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
aws ssm get-parameters --names /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 /aws/service/ami-amazon-linux-latest/no-such-parameter
aws ec2 describe-images --image-ids "$AMI_ID"

# Security groups and rules: create, authorize (CIDR, SG reference, egress), describe, revoke by rule id and by permission.
DEFAULT_SG=$(aws ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC_ID" "Name=group-name,Values=default" --query 'SecurityGroups[0].GroupId' --output text)
aws ec2 describe-security-groups --group-ids "$DEFAULT_SG"
SG_ID=$(aws ec2 create-security-group --group-name vmc-reach-cli-probe --description "vmc-reach CLI conformance" --vpc-id "$VPC_ID" --tag-specifications 'ResourceType=security-group,Tags=[{Key=Name,Value=cli-probe}]' --query GroupId --output text)
aws ec2 authorize-security-group-ingress --group-id "$SG_ID" --ip-permissions 'IpProtocol=icmp,FromPort=-1,ToPort=-1,IpRanges=[{CidrIp=192.168.100.0/24,Description=sddc}]'
aws ec2 authorize-security-group-ingress --group-id "$SG_ID" --ip-permissions "IpProtocol=tcp,FromPort=22,ToPort=22,UserIdGroupPairs=[{GroupId=$DEFAULT_SG}]"
aws ec2 authorize-security-group-egress --group-id "$SG_ID" --ip-permissions 'IpProtocol=udp,FromPort=53,ToPort=53,IpRanges=[{CidrIp=10.0.0.0/8}]'
aws ec2 describe-security-groups --group-ids "$SG_ID"
aws ec2 describe-security-groups --filters "Name=ip-permission.protocol,Values=icmp" "Name=vpc-id,Values=$VPC_ID"
aws ec2 describe-security-group-rules --filters "Name=group-id,Values=$SG_ID"
RULE_ID=$(aws ec2 describe-security-group-rules --filters "Name=group-id,Values=$SG_ID" --query 'SecurityGroupRules[?IsEgress && IpProtocol==`udp`].SecurityGroupRuleId' --output text)
aws ec2 revoke-security-group-egress --group-id "$SG_ID" --security-group-rule-ids "$RULE_ID"
aws ec2 revoke-security-group-ingress --group-id "$SG_ID" --ip-permissions "IpProtocol=tcp,FromPort=22,ToPort=22,UserIdGroupPairs=[{GroupId=$DEFAULT_SG}]"

# An instance with an instance profile (so its SSM agent registers), then tags and its ENI.
if [ "$TARGET" = moto ]; then aws iam create-instance-profile --instance-profile-name vmc-reach-ssm; fi
INSTANCE_ID=$(aws ec2 run-instances --image-id "$AMI_ID" --instance-type t3.micro --count 1 --subnet-id "$SUBNET_ID" --security-group-ids "$SG_ID" --iam-instance-profile Name=vmc-reach-ssm --client-token vmc-reach-cli-1 --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=cli-probe}]' --query 'Instances[0].InstanceId' --output text)
aws ec2 run-instances --image-id "$AMI_ID" --instance-type t3.micro --count 1 --subnet-id "$SUBNET_ID" --security-group-ids "$SG_ID" --iam-instance-profile Name=vmc-reach-ssm --client-token vmc-reach-cli-1 --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=cli-probe}]'
aws ec2 wait instance-running --instance-ids "$INSTANCE_ID"
aws ec2 describe-instances --instance-ids "$INSTANCE_ID"
aws ec2 describe-instances --filters "Name=tag:Name,Values=cli-probe" "Name=instance-state-name,Values=pending,running"
aws ec2 describe-network-interfaces --filters "Name=attachment.instance-id,Values=$INSTANCE_ID"
aws ec2 create-tags --resources "$INSTANCE_ID" "$SG_ID" --tags Key=owner,Value=vmc-reach Key=scratch,Value=
aws ec2 delete-tags --resources "$INSTANCE_ID" --tags Key=scratch
aws ec2 describe-instances --filters "Name=tag-key,Values=owner" "Name=instance-id,Values=$INSTANCE_ID"

# Subnets, route tables, network ACLs and prefix lists, as the harness provisions and tears them down.
aws ec2 create-subnet --vpc-id "$VPC_ID" --cidr-block 172.31.240.0/24 --tag-specifications 'ResourceType=subnet,Tags=[{Key=Name,Value=cli-probe}]'
SUBNET2_ID=$(aws ec2 describe-subnets --filters "Name=cidr-block,Values=172.31.240.0/24" --query 'Subnets[0].SubnetId' --output text)
ENI_ID=$(aws ec2 describe-instances --instance-ids "$INSTANCE_ID" --query 'Reservations[0].Instances[0].NetworkInterfaces[0].NetworkInterfaceId' --output text)
aws ec2 create-route-table --vpc-id "$VPC_ID" --tag-specifications 'ResourceType=route-table,Tags=[{Key=Name,Value=cli-probe}]'
RTB_ID=$(aws ec2 describe-route-tables --filters "Name=tag:Name,Values=cli-probe" --query 'RouteTables[0].RouteTableId' --output text)
aws ec2 associate-route-table --route-table-id "$RTB_ID" --subnet-id "$SUBNET2_ID"
RTB_ASSOC_ID=$(aws ec2 describe-route-tables --route-table-ids "$RTB_ID" --query 'RouteTables[0].Associations[0].RouteTableAssociationId' --output text)
aws ec2 create-route --route-table-id "$RTB_ID" --destination-cidr-block 10.99.0.0/16 --network-interface-id "$ENI_ID"
aws ec2 replace-route --route-table-id "$RTB_ID" --destination-cidr-block 10.99.0.0/16 --network-interface-id "$ENI_ID"
aws ec2 describe-route-tables --route-table-ids "$RTB_ID"
aws ec2 delete-route --route-table-id "$RTB_ID" --destination-cidr-block 10.99.0.0/16
aws ec2 disassociate-route-table --association-id "$RTB_ASSOC_ID"
aws ec2 delete-route-table --route-table-id "$RTB_ID"
aws ec2 create-network-acl --vpc-id "$VPC_ID" --tag-specifications 'ResourceType=network-acl,Tags=[{Key=Name,Value=cli-probe}]'
ACL_ID=$(aws ec2 describe-network-acls --filters "Name=tag:Name,Values=cli-probe" --query 'NetworkAcls[0].NetworkAclId' --output text)
aws ec2 create-network-acl-entry --network-acl-id "$ACL_ID" --rule-number 100 --protocol 1 --rule-action allow --ingress --cidr-block 192.168.100.0/24 --icmp-type-code Type=-1,Code=-1
aws ec2 replace-network-acl-entry --network-acl-id "$ACL_ID" --rule-number 100 --protocol 1 --rule-action deny --ingress --cidr-block 192.168.100.0/24 --icmp-type-code Type=-1,Code=-1
aws ec2 create-network-acl-entry --network-acl-id "$ACL_ID" --rule-number 110 --protocol 6 --rule-action allow --egress --cidr-block 0.0.0.0/0 --port-range From=1024,To=65535
aws ec2 delete-network-acl-entry --network-acl-id "$ACL_ID" --rule-number 110 --egress
DEFAULT_ACL_ID=$(aws ec2 describe-network-acls --filters "Name=association.subnet-id,Values=$SUBNET2_ID" --query 'NetworkAcls[0].NetworkAclId' --output text)
ACL_ASSOC_ID=$(aws ec2 describe-network-acls --filters "Name=association.subnet-id,Values=$SUBNET2_ID" --query "NetworkAcls[0].Associations[?SubnetId=='$SUBNET2_ID'].NetworkAclAssociationId" --output text)
NEW_ACL_ASSOC_ID=$(aws ec2 replace-network-acl-association --association-id "$ACL_ASSOC_ID" --network-acl-id "$ACL_ID" --query NewAssociationId --output text)
aws ec2 describe-network-acls --network-acl-ids "$ACL_ID"
aws ec2 replace-network-acl-association --association-id "$NEW_ACL_ASSOC_ID" --network-acl-id "$DEFAULT_ACL_ID"
aws ec2 delete-network-acl --network-acl-id "$ACL_ID"
aws ec2 delete-subnet --subnet-id "$SUBNET2_ID"
aws ec2 create-managed-prefix-list --prefix-list-name cli-probe --max-entries 5 --address-family IPv4 --entries Cidr=192.168.100.0/24,Description=sddc
PL_ID=$(aws ec2 describe-managed-prefix-lists --filters "Name=prefix-list-name,Values=cli-probe" --query 'PrefixLists[0].PrefixListId' --output text)
aws ec2 describe-managed-prefix-lists --prefix-list-ids "$PL_ID"
aws ec2 get-managed-prefix-list-entries --prefix-list-id "$PL_ID"

# Run Command: a ping from the new instance to the SDDC VM, its invocation, the command lists.
aws ssm describe-instance-information --filters "Key=InstanceIds,Values=$INSTANCE_ID"
COMMAND_ID=$(aws ssm send-command --document-name AWS-RunShellScript --instance-ids "$INSTANCE_ID" --parameters "commands=[\"ping -c 2 -W 1 $VM_IP\"]" --comment vmc-reach-cli --query Command.CommandId --output text)
aws ssm get-command-invocation --command-id "$COMMAND_ID" --instance-id "$INSTANCE_ID"
aws ssm list-command-invocations --command-id "$COMMAND_ID" --details
aws ssm list-commands --command-id "$COMMAND_ID"
aws ssm cancel-command --command-id "$COMMAND_ID"

# Tear down: terminate, wait, then the security group can go.
aws ec2 terminate-instances --instance-ids "$INSTANCE_ID"
aws ec2 wait instance-terminated --instance-ids "$INSTANCE_ID"
aws ec2 delete-security-group --group-id "$SG_ID"
