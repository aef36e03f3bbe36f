let codeByName: Map<string, string> | undefined;

/** English region names (upper-cased) → ISO 3166 alpha-2, from the runtime's CLDR data. */
function regionCodesByName(): Map<string, string> {
  if (!codeByName) {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    codeByName = new Map();
    for (let first = 65; first <= 90; first++) {
      for (let second = 65; second <= 90; second++) {
        const code = String.fromCharCode(first, second);
        const name = names.of(code);
        if (name) codeByName.set(name.toUpperCase(), code);
      }
    }
  }
  return codeByName;
}

/** §5.8 (D-18) box `flag`: lowercase ISO alpha-2 of `ee_country` (a code or an English name), else null. */
export function countryFlag(country: string | null | undefined): string | null {
  const value = country?.trim().toUpperCase();
  if (!value) return null;
  if (/^[A-Z]{2}$/.test(value)) return value.toLowerCase();
  return regionCodesByName().get(value)?.toLowerCase() ?? null;
}
