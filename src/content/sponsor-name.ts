/** `go.mezmo.com` → "Mezmo", `flashpoint-intel.com` → "Flashpoint Intel", `tldr.tech` → "TLDR". */
export function sponsorDisplayName(domain: string): string {
  const [name = domain] = domain.split('.');
  return name
    .split('-')
    .filter(Boolean)
    .map((word) => (/[aeiouy]/.test(word) ? word[0].toUpperCase() + word.slice(1) : word.toUpperCase()))
    .join(' ');
}
