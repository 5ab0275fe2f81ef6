// Mock mode's second guard in the AWS client factory: only a mock's endpoint, never one from the environment.
import { createAwsClients, mockCredentials } from './aws';

test('mock mode refuses an endpoint that is neither loopback nor the regional host the embedded mock answers', () => {
  expect(() =>
    createAwsClients({ region: 'us-west-2', credentials: mockCredentials, mock: true, endpoints: { ec2: 'https://ec2.example.com' } }),
  ).toThrow(/mock mode refuses the ec2 endpoint https:\/\/ec2\.example\.com/);
});

test('mock mode sets the endpoint explicitly, so AWS_ENDPOINT_URL_EC2 in the environment is not read', async () => {
  const saved = process.env.AWS_ENDPOINT_URL_EC2;
  process.env.AWS_ENDPOINT_URL_EC2 = 'http://127.0.0.1:9';
  try {
    const clients = createAwsClients({ region: 'us-west-2', credentials: mockCredentials, mock: true });
    const endpoint = await clients.ec2.config.endpoint!();
    clients.destroy();
    expect(endpoint.hostname).toBe('ec2.us-west-2.amazonaws.com');
  } finally {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_EC2;
    else process.env.AWS_ENDPOINT_URL_EC2 = saved;
  }
});
