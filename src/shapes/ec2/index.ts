// EC2 wire shapes and their world conversions, one definition each, shared by mocks/aws/ec2 (XML) and
// src/snapshot/ec2 (the AWS CLI's JSON). Imports only src/world, zod and ipaddr.js.
export * from './ip-permissions';
export * from './security-group-rules';
export * from './routes';
export * from './network-acl-entries';
