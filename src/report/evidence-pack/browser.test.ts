// The evidence pack in a real browser: runs the article scenario through `vmc-reach run` on the mock,
// opens the pack in Debian's Chromium (playwright-core, headless, no network), and checks the drawing
// (the VPC, the cross-link ENIs with the active one, the VM and instance nodes), the blocking-hop marker
// of case B's CJ-AWS02 → CJ-VM01 probe and the tables; saves a screenshot next to the pack. Installs
// nothing: without /usr/bin/chromium it skips locally and fails under CI.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const executablePath = process.env.VMC_REACH_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(executablePath);
if (!available) {
  if (process.env.CI) throw new Error(`${executablePath} is missing: CI must install Debian's chromium (apt-get install chromium) for the evidence-pack browser test`);
  console.warn(`evidence-pack browser test skipped: ${executablePath} not found (apt-get install -y chromium); under CI this fails`);
}
const maybe = available ? describe : describe.skip;

maybe('the evidence pack in Chromium', () => {
  let dir: string;
  let userData: string;
  let browser: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vmc-reach-pack-'));
    userData = await mkdtemp(join(tmpdir(), 'vmc-reach-chromium-'));
    const root = join(__dirname, '../../..');
    // `vmc-reach run` runs jest underneath, so it runs as its own process, as a user starts it.
    await promisify(execFile)(process.execPath, [join(root, 'bin/vmc-reach.cjs'), 'run', '--scenario', 'article', '--report-dir', dir], { cwd: root, env: { ...process.env, VMC_REACH_QUIET: '1' }, maxBuffer: 16 << 20 });
    browser = await chromium.launchPersistentContext(userData, {
      executablePath,
      headless: true,
      viewport: { width: 1300, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(join(dir, 'evidence.html')).href);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await rm(userData, { recursive: true, force: true });
    // the pack and the screenshot stay in `dir` for a person to look at
  });

  test('the drawing has the VPC, the cross-link ENIs with the active one marked, the instances and the VM', async () => {
    const svg = page.locator('section.scenario').first().locator('svg.topology');
    await expect(svg.isVisible()).resolves.toBe(true);
    await expect(svg.locator('.vpc').textContent()).resolves.toMatch(/connected VPC vpc-/);
    await expect(svg.locator('.eni').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(svg.locator('.eni.active').count()).resolves.toBe(1);
    await expect(svg.locator('.eni.active').textContent()).resolves.toContain('active');
    await expect(svg.locator('.node.vm').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('CJ-VM01')]));
    const instances = await svg.locator('.node.instance').allTextContents();
    expect(instances.join(' ')).toContain('CJ-AWS01');
    expect(instances.join(' ')).toContain('CJ-AWS02');
    await expect(svg.locator('.edge').textContent()).resolves.toContain('compute gateway');
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(600);
  });

  test("case B's CJ-AWS02 → CJ-VM01 probe is blocked at the cross-link ENI's default SG, marked on the drawing and in the hop table", async () => {
    const section = page.locator('section.probe', { hasText: 'case B: custom SG: CJ-AWS02 → CJ-VM01' });
    const n = await section.getAttribute('data-probe');
    const marker = page.locator(`svg.topology .blocking-hop[data-probe="${n}"]`);
    await expect(marker.count()).resolves.toBe(1);
    await expect(marker.getAttribute('data-code')).resolves.toBe('ENI_SG_INGRESS_NO_MATCH');
    const node = await marker.getAttribute('data-node');
    expect(node).toMatch(/^eni:eni-/);
    await expect(page.locator(`svg.topology .eni.active[data-id="${node!.slice(4)}"]`).count()).resolves.toBe(1);
    await expect(marker.isVisible()).resolves.toBe(true);
    await expect(page.locator(`svg.topology .probe-path.blocked[data-probe="${n}"]`).count()).resolves.toBe(1);
    const row = section.locator('tr.blocking-hop-row');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toMatch(/eni-sg-ingress.*✗ blocking hop.*ENI_SG_INGRESS_NO_MATCH/s);
  });

  test('the tables: the summary, per probe the facts and the hops, the resources', async () => {
    await expect(page.locator('table.summary tbody tr').count()).resolves.toBe(6);
    await expect(page.locator('table.summary').textContent()).resolves.toContain('ENI_SG_INGRESS_NO_MATCH (forward)');
    await expect(page.locator('section.probe').count()).resolves.toBe(6);
    await expect(page.locator('section.probe table.facts').first().textContent()).resolves.toMatch(/expected.*observed.*engine verdict/s);
    await expect(page.locator('section.probe pre.transcript').first().textContent()).resolves.toContain('$ ping');
    const resources = await page.locator('table.resources tbody tr').allTextContents();
    expect(resources.some((r) => r.startsWith('created') && r.includes('CJ-AWS02') && r.includes('removed'))).toBe(true);
    expect(resources.some((r) => r.startsWith('adopted') && r.includes('default'))).toBe(true);
    await expect(page.locator('table.meta').textContent()).resolves.toMatch(/vmc-reach0\.\d+\.\d+/);
  });

  test('opens with no script errors and no request off the file', async () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  test('a screenshot goes next to the pack', async () => {
    const shot = join(dir, 'evidence.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
    console.log(`evidence pack: ${join(dir, 'evidence.html')}\nscreenshot: ${shot}`);
  });
});
