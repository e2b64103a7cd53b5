using System.Text.Json;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Lessons;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>
/// A consortium's own lessons for scripts, with the lesson form's use case (<see cref="LessonLibrary"/>), rules and
/// messages. Lessons are written once, not changed, so there is nothing to send a revision for.
/// </summary>
public static class LessonApi
{
    // A title of at most 150 characters and a lesson of at most 2,000, with room for escaping.
    private const int MaxRequestBytes = 32 * 1024;

    public static IEndpointRouteBuilder MapLessonApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consortia/{code}/lessons").WithTags("Lessons");
        group.MapGet("/", ListAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
            .WithName("ListLessons")
            .WithSummary("The consortium's own lessons, newest first, each with its domain of the default readiness framework.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Readers pass the policy; who may write (the consortium's lead or a PCT manager who may edit it) is the use
        // case's question, asked before the body is read, so everyone else gets the same 404 as the pages give.
        group.MapPost("/", AddAsync)
            .RequireAuthorization(Policies.For(OrganisationKind.Consortium, AccessOperation.Read))
            .WithName("AddLesson")
            .WithSummary("Records a lesson, for the consortium's lead or a PCT manager who may edit it: { domain, title, body }, domain the id of a domain of the default framework.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> ListAsync(string code, LessonLibrary library, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var lessons = await library.ListAsync(currentUser.Acting, code, cancellationToken);
        return TypedResults.Json(lessons.Select(Describe).ToList());
    }

    private static async Task<IResult> AddAsync(string code, HttpRequest request, LessonLibrary library, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        if (!await library.MayWriteAsync(currentUser.Acting, code, cancellationToken))
        {
            return NotFound();
        }

        var (document, problem) = await JsonRequestBody.ReadAsync(request, MaxRequestBytes, cancellationToken);
        if (document is null)
        {
            return problem!;
        }

        LessonForm form;
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ValidationProblems.From([("$", "The body must be a JSON object: { domain, title, body }.")]);
            }

            var problems = new List<(string Path, string Message)>();
            form = new LessonForm
            {
                Domain = JsonRequestBody.OptionalString(root, LessonForm.DomainField, problems),
                Title = JsonRequestBody.OptionalString(root, LessonForm.TitleField, problems),
                Body = JsonRequestBody.OptionalString(root, LessonForm.BodyField, problems),
            };
            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }
        }

        var outcome = await library.AddAsync(currentUser.Acting, code, form, cancellationToken);
        switch (outcome.Status)
        {
            case EditStatus.Saved:
                // The library has no single-lesson read; the consortium's own lessons are few.
                var saved = (await library.ListAsync(currentUser.Acting, code, cancellationToken)).Single(l => l.Id == outcome.SavedId);
                return TypedResults.Json(Describe(saved));
            case EditStatus.Invalid:
                return ValidationProblems.From(outcome.Problems.Select(p => ("$." + p.Field, p.Message)));
            default:
                return NotFound();
        }
    }

    private static IResult NotFound() => ApiProblems.NotFound("There is no consortium with this code that you may write lessons for.");

    private static object Describe(Lesson lesson) => new
    {
        id = lesson.Id,
        domain = lesson.DomainId,
        domainName = LessonLibrary.DomainName(lesson.DomainId),
        title = lesson.Title,
        body = lesson.Body,
        writtenBy = lesson.WrittenBy,
        writtenAt = DateTime.SpecifyKind(lesson.WrittenAtUtc, DateTimeKind.Utc),
    };
}
