using Microsoft.AspNetCore.Http.HttpResults;

namespace TransitionTracker.Web.Api;

/// <summary>RFC 7807 answers shared by the API endpoints.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found.", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
