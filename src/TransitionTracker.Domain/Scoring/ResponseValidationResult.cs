namespace TransitionTracker.Domain.Scoring;

/// <summary>Either every response, validated, or every problem: a set with any problem is rejected as a whole.</summary>
public sealed class ResponseValidationResult
{
    internal ResponseValidationResult(IReadOnlyList<CriterionResponse> responses, IReadOnlyList<ResponseProblem> problems)
    {
        Responses = problems.Count == 0 ? responses : [];
        Problems = problems;
    }

    /// <summary>The validated responses in the order sent; empty when there are problems.</summary>
    public IReadOnlyList<CriterionResponse> Responses { get; }

    public IReadOnlyList<ResponseProblem> Problems { get; }

    public bool IsValid => Problems.Count == 0;
}
