/** A screen not built yet in this version: its title and what it will hold. */
export function PlannedScreen({ id, title, plan }: { id: string; title: string; plan: string }) {
  return (
    <div className="placeholder" data-testid={`screen-${id}`}>
      <h1>{title}</h1>
      <p className="muted">{plan}</p>
      <p className="muted">Not built yet in this version.</p>
    </div>
  )
}
