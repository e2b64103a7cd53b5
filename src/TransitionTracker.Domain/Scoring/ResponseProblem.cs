namespace TransitionTracker.Domain.Scoring;

/// <summary>One thing wrong with a set of responses.</summary>
/// <param name="Path">Where, as a JSON path such as <c>$.responses[3].status</c>.</param>
/// <param name="Message">What is wrong, in words the person who sent it can act on.</param>
public sealed record ResponseProblem(string Path, string Message);
