/** A file's language choices: "not said", then every language by name. */
export function LanguageOptions({ languages }: { languages: { value: string; label: string }[] }) {
  return (
    <>
      <option value="">Not said</option>
      {languages.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
