using System.Diagnostics.CodeAnalysis;

namespace TransitionTracker.Domain.Frameworks;

/// <summary>Either a valid framework or every problem that stopped it loading, never both.</summary>
public sealed class FrameworkLoadResult
{
    private FrameworkLoadResult(Framework? framework, IReadOnlyList<FrameworkProblem> problems)
    {
        Framework = framework;
        Problems = problems;
    }

    public Framework? Framework { get; }

    public IReadOnlyList<FrameworkProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Framework))]
    public bool Succeeded => Framework is not null;

    internal static FrameworkLoadResult Loaded(Framework framework) => new(framework, []);

    internal static FrameworkLoadResult Failed(IReadOnlyList<FrameworkProblem> problems) => new(null, problems);
}
