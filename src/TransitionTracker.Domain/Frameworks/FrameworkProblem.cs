namespace TransitionTracker.Domain.Frameworks;

/// <summary>One way in which a framework document breaks the rules.</summary>
/// <param name="Path">Where in the document, as a JSON path such as <c>$.domains[2].weight</c>.</param>
/// <param name="Message">What is wrong, in words an administrator can act on.</param>
public sealed record FrameworkProblem(string Path, string Message);
