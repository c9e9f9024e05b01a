/**
 * A banner while the server's database can lose acknowledged saves in a crash (the launcher's
 * VELOCITY_FAST_UNSAFE=1, or an external PostgreSQL with fsync or synchronous_commit off). The server says so
 * in GET /actuator/info as {"database":{"durable":false,...}}; anything else shows nothing.
 */
export function durabilityWarning(info: unknown): string | null {
  const database = (info as { database?: { durable?: unknown } } | null)?.database;
  if (database?.durable !== false) return null;
  return (
    '⚠ Unsafe fast mode: this server\'s database does not flush saves to disk before confirming them, ' +
    'so a crash can lose recent saves. Do not keep work you care about here.'
  );
}

export async function showDurabilityBanner(): Promise<void> {
  let info: unknown;
  try {
    const response = await fetch('/actuator/info', { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    info = await response.json();
  } catch {
    return; // offline: nothing to say
  }
  const text = durabilityWarning(info);
  if (!text) return;
  const banner = document.createElement('div');
  banner.id = 'durability-banner';
  banner.setAttribute('role', 'alert');
  banner.textContent = text;
  banner.style.cssText =
    'background:#8a1c1c;color:#fff;font:600 13px/1.4 system-ui,sans-serif;padding:6px 12px;text-align:center;';
  document.body.prepend(banner);
}
