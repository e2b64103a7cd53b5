using System.Globalization;
using System.Text.Json;
using TransitionTracker.Application.Administration;
using TransitionTracker.Application.Editing;
using TransitionTracker.Web.Access;

namespace TransitionTracker.Web.Api;

/// <summary>
/// User administration for scripts, administrators only, with the user pages' use cases (<see cref="UserDirectory"/>,
/// <see cref="UserAccounts"/>), rules and messages: the list is searched, filtered, sorted and paged as the user list
/// is, and every change to a user sends the user's revision it read; a stale one is a 409 with who changed what. An
/// answer holds the user's id, email address, name, status, roles and revision, never a password hash or stamp.
/// </summary>
public static class UserAdministrationApi
{
    private const int MaxRequestBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapUserAdministrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", ListAsync)
            .WithName("ListUsers")
            .WithSummary($"One page of users ({UserDirectory.PageSize} a page), each with their roles, status and revision: ?q= searches email address and name, ?role= (pct-manager, consortium-lead, regional-lead, national-viewer, administrator), ?status= (active, disabled), ?sort= (email, name, status), ?dir= (asc, desc), ?page=.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}", GetAsync)
            .WithName("GetUser")
            .WithSummary("One user: email address, name, status, role assignments (each with its id) and the revision a change is based on.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync)
            .WithName("CreateUser")
            .WithSummary("Creates a user with no roles: { email, displayName, password }, the password as the user page's rules require.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{id}/roles", AssignRoleAsync)
            .WithName("AssignUserRole")
            .WithSummary("Gives the user a role: { role: PctManager | ConsortiumLead | RegionalLead | NationalViewer | Administrator, scope, revision }, scope the PCT, consortium or region code for a scoped role, revision the user's as read.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("/{id}/roles/{assignmentId:int}", RemoveAssignmentAsync)
            .WithName("RemoveUserRole")
            .WithSummary("Removes one of the user's role assignments: ?revision= the user's revision as read.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/disable", DisableAsync)
            .WithName("DisableUser")
            .WithSummary("Disables the user: { revision }. They are refused from their next request and cannot sign in until enabled; their roles are kept.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/{id}/enable", EnableAsync)
            .WithName("EnableUser")
            .WithSummary("Enables a disabled user: { revision }. Nothing they were signed in with before works again.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    // Each value is read as the user list reads it; one the list would drop with a note is refused here, naming it.
    private static async Task<IResult> ListAsync(
        string? q, string? role, string? status, string? sort, string? dir, string? page,
        UserDirectory directory, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var problems = new List<(string Path, string Message)>();
        foreach (var (name, notes) in new[]
        {
            ("q", UserListQuery.Parse(q, null, null, null, null).Notes),
            ("role", UserListQuery.Parse(null, role, null, null, null).Notes),
            ("status", UserListQuery.Parse(null, null, status, null, null).Notes),
            ("sort", UserListQuery.Parse(null, null, null, sort, null).Notes),
            ("dir", UserListQuery.Parse(null, null, null, null, dir).Notes),
        })
        {
            problems.AddRange(notes.Select(n => (name, n)));
        }

        var pageNotes = new List<string>();
        var number = ListQueryValues.Page(page, pageNotes);
        problems.AddRange(pageNotes.Select(n => ("page", n)));
        if (problems.Count > 0)
        {
            return ValidationProblems.From(problems);
        }

        var query = UserListQuery.Parse(q, role, status, sort, dir).Query with { Page = number };
        var listing = await directory.ListAsync(currentUser.Acting, query, cancellationToken);
        return listing is null
            ? ApiProblems.NotFound($"There is no page {number} of the users that match.")
            : TypedResults.Json(new
            {
                users = listing.Users.Select(u => Describe(u.Id, u.Email, u.DisplayName, u.Status, u.Assignments, u.Revision)).ToList(),
                page = listing.PageNumber,
                pageCount = listing.PageCount,
                pageSize = UserDirectory.PageSize,
                matchingUsers = listing.MatchingUsers,
                totalUsers = listing.TotalUsers,
            });
    }

    private static async Task<IResult> GetAsync(string id, UserDirectory directory, CurrentUser currentUser, CancellationToken cancellationToken) =>
        await directory.GetAsync(currentUser.Acting, id, cancellationToken) is { } user
            ? TypedResults.Json(Describe(user))
            : NoSuchUser();

    private static Task<IResult> CreateAsync(HttpRequest request, UserAccounts accounts, UserDirectory directory, CurrentUser currentUser, CancellationToken cancellationToken) =>
        JsonRequestBody.WithObjectAsync(request, MaxRequestBytes, "{ email, displayName, password }", async (root, problems) =>
        {
            var email = JsonRequestBody.OptionalString(root, "email", problems);
            var displayName = JsonRequestBody.OptionalString(root, "displayName", problems);
            var password = JsonRequestBody.OptionalString(root, "password", problems);
            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var created = await accounts.CreateAsync(currentUser.Acting, email, displayName, password, cancellationToken);
            return await AnswerAsync(created, created.Value ?? "", directory, currentUser, BodyPath, cancellationToken);
        }, cancellationToken);

    private static Task<IResult> AssignRoleAsync(string id, HttpRequest request, UserAccounts accounts, UserDirectory directory, CurrentUser currentUser, CancellationToken cancellationToken) =>
        JsonRequestBody.WithObjectAsync(request, MaxRequestBytes, "{ role, scope, revision }", async (root, problems) =>
        {
            var role = JsonRequestBody.OptionalString(root, "role", problems);
            var scope = JsonRequestBody.OptionalString(root, "scope", problems);
            var revision = Revision(root, problems);
            if (problems.Count > 0)
            {
                return ValidationProblems.From(problems);
            }

            var outcome = await accounts.AssignRoleAsync(currentUser.Acting, id, role, scope, revision, cancellationToken);
            return await AnswerAsync(outcome, id, directory, currentUser, BodyPath, cancellationToken);
        }, cancellationToken);

    private static async Task<IResult> RemoveAssignmentAsync(
        string id, int assignmentId, string? revision, UserAccounts accounts, UserDirectory directory, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        int? basedOn = null;
        if (revision is not null)
        {
            if (!int.TryParse(revision, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ValidationProblems.From([("revision", "revision must be a whole number of 0 or more: the user's revision as read (GET /api/users/{id}).")]);
            }

            basedOn = parsed;
        }

        var outcome = await accounts.RemoveAssignmentAsync(currentUser.Acting, id, assignmentId, basedOn, cancellationToken);
        return await AnswerAsync(outcome, id, directory, currentUser, field => field == EditOutcome.RevisionField ? "revision" : "assignmentId", cancellationToken);
    }

    private static Task<IResult> DisableAsync(string id, HttpRequest request, UserAccounts accounts, UserDirectory directory, CurrentUser currentUser, CancellationToken cancellationToken) =>
        WithRevisionAsync(request, (revision, ct) => accounts.DisableAsync(currentUser.Acting, id, revision, ct), id, directory, currentUser, cancellationToken);

    private static Task<IResult> EnableAsync(string id, HttpRequest request, UserAccounts accounts, UserDirectory directory, CurrentUser currentUser, CancellationToken cancellationToken) =>
        WithRevisionAsync(request, (revision, ct) => accounts.EnableAsync(currentUser.Acting, id, revision, ct), id, directory, currentUser, cancellationToken);

    private static Task<IResult> WithRevisionAsync(
        HttpRequest request, Func<int?, CancellationToken, Task<EditOutcome>> change, string id, UserDirectory directory, CurrentUser currentUser, CancellationToken cancellationToken) =>
        JsonRequestBody.WithObjectAsync(request, MaxRequestBytes, "{ revision }", async (root, problems) =>
        {
            var revision = Revision(root, problems);
            return problems.Count > 0
                ? ValidationProblems.From(problems)
                : await AnswerAsync(await change(revision, cancellationToken), id, directory, currentUser, BodyPath, cancellationToken);
        }, cancellationToken);


    // The revision is a whole number; left out, the use case refuses the change for want of one.
    private static int? Revision(JsonElement root, List<(string Path, string Message)> problems)
    {
        if (!root.TryGetProperty("revision", out var revision) || revision.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (revision.ValueKind == JsonValueKind.Number && revision.TryGetInt32(out var value) && value >= 0)
        {
            return value;
        }

        problems.Add(("$.revision", "revision must be a whole number of 0 or more: the user's revision as read (GET /api/users/{id})."));
        return null;
    }

    private static async Task<IResult> AnswerAsync(
        EditOutcome outcome, string id, UserDirectory directory, CurrentUser currentUser, Func<string, string> path, CancellationToken cancellationToken) =>
        outcome.Status switch
        {
            EditStatus.Saved => await directory.GetAsync(currentUser.Acting, id, cancellationToken) is { } user ? TypedResults.Json(Describe(user)) : NoSuchUser(),
            EditStatus.Invalid => ValidationProblems.From(outcome.Problems.Select(p => (path(p.Field), p.Message))),
            EditStatus.Conflict => ApiProblems.SavedFirst(outcome.Conflict, "this user", "read the user again (GET /api/users/{id}) and send what you still mean."),
            _ => NoSuchUser(),
        };

    private static IResult NoSuchUser() => ApiProblems.NotFound("There is no such user, or no such role assignment of theirs.");

    // The use case's fields are the user pages' inputs; the API's are the body's properties. A problem with the user
    // as a whole (their own account or administrator role) is about the request itself.
    private static string BodyPath(string field) => field switch
    {
        AccountFields.Email => "$.email",
        AccountFields.DisplayName => "$.displayName",
        AccountFields.Password => "$.password",
        AccountFields.Role => "$.role",
        AccountFields.ScopeCode => "$.scope",
        EditOutcome.RevisionField => "$.revision",
        _ => "$",
    };

    private static object Describe(UserDetail user) =>
        Describe(user.Id, user.Email, user.DisplayName, user.Status, user.Assignments, user.Revision);

    private static object Describe(string id, string email, string displayName, UserStatus status, IReadOnlyList<AssignmentSummary> assignments, int revision) => new
    {
        id,
        email,
        displayName,
        status = status.ToString(),
        roles = assignments.Select(a => new { id = a.Id, role = a.Role.ToString(), scope = a.ScopeCode, description = a.Description }).ToList(),
        revision,
    };
}
