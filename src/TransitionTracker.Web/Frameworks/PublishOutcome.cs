using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Web.Frameworks;

/// <summary>The new version, or every problem that stopped it being published.</summary>
public sealed record PublishOutcome(Framework? Published, IReadOnlyList<FrameworkProblem> Problems);
