namespace TransitionTracker.Web.Api;

/// <summary>A 400 problem that names every problem found, each with the JSON path it concerns.</summary>
public static class ValidationProblems
{
    public static IResult From(IEnumerable<(string Path, string Message)> problems)
    {
        var list = problems.Select(p => new { path = p.Path, message = p.Message }).ToList();
        return TypedResults.Problem(
            title: "The request is not valid.",
            detail: list.Count == 1 ? list[0].message : $"{list.Count} problems: see 'problems'.",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["problems"] = list });
    }
}
