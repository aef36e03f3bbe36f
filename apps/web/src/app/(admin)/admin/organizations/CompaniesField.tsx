/** The monitored companies of onboarding and of an approval (B3.1): one per line. */
export function CompaniesField({ id, rows }: { id: string; rows: number }) {
  return (
    <div>
      <label htmlFor={id} className="label">
        Companies to monitor (one per line)
      </label>
      <textarea id={id} name="companies" rows={rows} className="input" />
    </div>
  );
}

/** The non-empty, trimmed lines of a form's `companies` field. */
export function companiesOf(form: FormData): string[] {
  return String(form.get('companies'))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
