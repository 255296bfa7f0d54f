/** A page of prose from content/guides: its title, then the rendered Markdown (raw HTML is escaped at render). */
export function ProsePage({ title, html }: { title: string; html: string }) {
  return (
    <>
      <h1>{title}</h1>
      <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}
