using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Application.Frameworks;

/// <summary>
/// A framework file checked before publishing: the candidate and the version it would be published as, the published
/// version it would follow (null for a new framework) and what it changes; or, when it cannot be published, every
/// problem (each with its JSON path, <c>$</c> for the whole file) and no candidate.
/// </summary>
public sealed record FrameworkPreview(
    Framework? Candidate,
    int NextVersion,
    Framework? Current,
    IReadOnlyList<FrameworkChange> Changes,
    IReadOnlyList<FrameworkProblem> Problems)
{
    public static FrameworkPreview Refused(IReadOnlyList<FrameworkProblem> problems) => new(null, 0, null, [], problems);
}
