namespace TransitionTracker.Domain;

/// <summary>
/// A record people edit: every change gives it the next revision, and a change based on an older revision is refused
/// (docs/architecture.md, "Editing: one outcome, one revision rule").
/// </summary>
public interface IRevisioned
{
    int Revision { get; }
}
