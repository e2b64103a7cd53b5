using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Application.Frameworks;

/// <summary>A framework document that loaded, or every problem that stopped it loading.</summary>
public sealed record FrameworkCheck(Framework? Framework, IReadOnlyList<FrameworkProblem> Problems);
