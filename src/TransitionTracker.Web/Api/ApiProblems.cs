using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TransitionTracker.Application.Editing;

namespace TransitionTracker.Web.Api;

/// <summary>RFC 7807 answers shared by the API endpoints.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found.", detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>
    /// A change based on a revision someone else has replaced (docs/architecture.md, "Editing: one outcome, one
    /// revision rule"): who saved <paramref name="what"/> and when, the revision now stored and what they changed, and
    /// what to do (<paramref name="readAgain"/>). Nothing was changed.
    /// </summary>
    public static ProblemHttpResult SavedFirst(EditConflict? conflict, string what, string readAgain, Func<string, string>? fieldName = null)
    {
        var revision = conflict?.CurrentRevision is { } r ? $" (now revision {r})" : "";
        return TypedResults.Problem(
            title: "Someone else saved first.",
            detail: $"{conflict?.ChangedBy ?? "Someone else"} saved {what}{revision}{At(conflict)}. Nothing was changed: {readAgain}",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>
            {
                ["revision"] = conflict?.CurrentRevision,
                ["changes"] = conflict?.Changes.Select(c => new { field = fieldName?.Invoke(c.Field) ?? c.Field, from = c.Old, to = c.New }),
            });
    }

    // The audit trail's time is UTC, whatever kind the provider reads it back as.
    private static string At(EditConflict? conflict) =>
        conflict?.ChangedAtUtc is { } at ? " at " + DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture) : "";
}
