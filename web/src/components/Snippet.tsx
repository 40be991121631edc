// A search snippet: the server sends escaped text with <mark> around matches. We render the marks as
// elements and everything else as text, so no markup from the data reaches the page.
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);

export function Snippet({ html }: { html: string }) {
  const parts = html.split(/(<mark>[\s\S]*?<\/mark>)/g);
  return (
    <p className="snippet">
      {parts.map((part, i) =>
        part.startsWith('<mark>') ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
          <mark key={i}>{decode(part.slice(6, -7))}</mark>
        ) : (
          decode(part)
        ),
      )}
    </p>
  );
}
