// The inspector (issue 5 item 5): find a connection's SYN, read its flags and options in
// the tree, hover a field to light its bytes; the pcapng download parses with the
// project's reader (and with tshark where it is installed).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readPcapng } from '../src/net/wire';
import { ViewsPage } from './pages/views-page';

function hasTshark(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('the SYN of a connection shows its flags and options, and hovering a field lights its bytes', async ({ page }) => {
  const lab = new ViewsPage(page);
  await lab.openModel();
  await lab.tab('inspector').click();
  await page.getByTestId('inspector.hideAcks').check();
  const syns = page.locator('[data-testid="inspector.row"][data-syn="true"]');
  // Step packet by packet (ARP, the I2O socket setup, ...) until the handshake's SYN is captured.
  for (let i = 0; i < 60 && (await syns.count()) === 0; i++) {
    await lab.stepPacket.click();
    await lab.settleViews();
  }
  const syn = syns.first();
  await expect(syn).toBeVisible();
  await syn.click();
  const tree = page.getByTestId('inspector.tree');
  await expect(tree).toContainText(/Flags/);
  await expect(tree).toContainText('Syn: Set');
  await expect(tree).toContainText('Acknowledgment: Not set');
  await expect(tree).toContainText(/Maximum segment size|MSS/i);
  const flags = tree.locator('[data-field="tcp.flags"]').first();
  await flags.hover();
  await expect(page.getByTestId('inspector.byte.lit').first()).toBeVisible();
  const lit = await page.getByTestId('inspector.byte.lit').count();
  expect(lit).toBeGreaterThan(0);
  expect(lit).toBeLessThanOrEqual(2);
  mkdirSync('reports/screenshots', { recursive: true });
  await page.screenshot({ path: 'reports/screenshots/views-inspector-syn.png' });
});

test('the downloaded capture parses with the project\'s pcapng reader and with tshark', async ({ page }) => {
  const lab = new ViewsPage(page);
  await lab.openModel();
  await lab.runFor(800);
  await lab.tab('inspector').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('inspector.download').click()]);
  const path = await download.path();
  const bytes = new Uint8Array(readFileSync(path));
  const file = readPcapng(bytes);
  if ('kind' in file) throw new Error(`pcapng reader: ${JSON.stringify(file)}`);
  expect(file.packets.length).toBeGreaterThan(0);
  expect(file.interfaces.length).toBeGreaterThan(0);
  if (hasTshark()) {
    const out = execFileSync('tshark', ['-r', path, '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(out.trim().split('\n').length).toBe(file.packets.length);
  }
});

test('capturing at the IP layer lists raw IPv4 datagrams and downloads them as LINKTYPE_RAW', async ({ page }) => {
  const lab = new ViewsPage(page);
  await lab.openModel();
  await lab.tab('inspector').click();
  // Choosing IP restarts the model, paused at zero, capturing at the IP layer.
  await page.getByTestId('inspector.layer').selectOption('ip');
  await lab.waitPaused();
  await lab.runFor(800);
  const rows = page.locator('[data-testid="inspector.row"][data-layer="wire"]');
  await expect(rows.first()).toBeVisible();
  await rows.first().click();
  await expect(page.getByTestId('inspector.tree')).toContainText('Raw IPv4 datagram');
  await expect(page.getByTestId('inspector.tree')).not.toContainText('Ethernet II');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('inspector.download').click()]);
  const path = await download.path();
  const file = readPcapng(new Uint8Array(readFileSync(path)));
  if ('kind' in file) throw new Error(`pcapng reader: ${JSON.stringify(file)}`);
  // The server's records are raw IPv4 (101); the only other interface is the bus (USER0, 147).
  const links = file.interfaces.map((i) => i.linkType);
  expect(links).toContain(101);
  expect(links.filter((l) => l !== 101 && l !== 147)).toEqual([]);
  const raw = file.packets.filter((p) => file.interfaces[p.interfaceId]!.linkType === 101);
  expect(raw.length).toBeGreaterThan(0);
  for (const p of raw) expect(p.data[0]! >> 4).toBe(4);
  if (hasTshark()) {
    const out = execFileSync('tshark', ['-r', path, '-o', 'ip.check_checksum:TRUE'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(out.trim().split('\n').length).toBe(file.packets.length);
  }
});
