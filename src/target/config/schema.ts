// The harness configuration: one file (vmc-reach.config.json or .ts), validated with zod, with
// environment overrides. Secrets are never in the file: the CSP API token comes from an environment
// variable or a token file only.
import { z } from 'zod';

const probe = z
  .object({
    count: z.number().int().min(1).max(20).default(3),
    timeoutSeconds: z.number().positive().max(30).default(1),
    /** Retries of a probe that could not run or whose packets disagree with the configuration (default: 1 live, 0 mock). */
    retries: z.number().int().min(0).max(3).optional(),
    /** TCP/UDP probes: seconds to wait for the handshake or the echoed datagram (default 5). */
    portTimeoutSeconds: z.number().int().min(1).max(60).optional(),
  })
  .strict()
  .default({ count: 3, timeoutSeconds: 1 });

const mock = z
  .object({
    /** Snapshot folder the mock world is seeded from. */
    world: z.string().min(1).default('fixtures/snapshots/harness-before-runs'),
    latency: z.enum(['instant', 'realistic']).default('instant'),
  })
  .strict()
  .default({ world: 'fixtures/snapshots/harness-before-runs', latency: 'instant' });

const live = z
  .object({
    orgId: z.string().uuid().optional(),
    sddcId: z.string().uuid().optional(),
    /** File holding the CSP API token (never the token itself). */
    cspTokenFile: z.string().optional(),
    /** Base URLs, for a private CSP/VMC endpoint or `mock serve`. */
    cspUrl: z.string().url().default('https://console.cloud.vmware.com'),
    vmcUrl: z.string().url().default('https://vmc.vmware.com'),
    vm: z
      .object({
        name: z.string().min(1),
        managedInstanceId: z.string().regex(/^mi-[0-9a-f]{17}$/, 'an SSM hybrid managed node id looks like mi-0123456789abcdef0'),
        os: z.enum(['linux', 'windows']).default('linux'),
      })
      .strict()
      .optional(),
    /** The scenarios' VMs (by the name a scenario gives them, e.g. CJ-VM01) → this SDDC's VM display names. */
    vms: z.record(z.string().min(1), z.string().min(1)).optional(),
    /** SSM public parameter or AMI id for the test instances. */
    image: z.string().default('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64'),
    instanceType: z.string().default('t3.micro'),
    /** Instance profile name or ARN that lets SSM manage the test instances. */
    instanceProfile: z.string().optional(),
    /** Subnet for the test instances; default the SDDC's connected subnet. */
    subnetId: z
      .string()
      .regex(/^subnet-[0-9a-f]{8,17}$/)
      .optional(),
  })
  .strict()
  .default({
    cspUrl: 'https://console.cloud.vmware.com',
    vmcUrl: 'https://vmc.vmware.com',
    image: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    instanceType: 't3.micro',
  });

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    target: z.enum(['mock', 'live']).default('mock'),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region looks like us-west-2')
      .optional(),
    reportDir: z.string().min(1).default('vmc-reach-report'),
    probe,
    mock,
    live,
  })
  .strict();

export type HarnessConfig = z.infer<typeof configSchema>;
