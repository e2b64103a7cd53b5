using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace TransitionTracker.Web.Api;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, complete enough for a client generator: every operation has an
/// operationId, a summary, its problem-details 4xx answers, and its security — the bearer scheme, or explicitly
/// none for the few anonymous endpoints. Our endpoints declare their own; the cross-cutting parts (sign-in, the
/// Identity endpoints the framework maps) are added here. Outside Development only signed-in users may read it.
/// </summary>
public static class OpenApiDocumentSetup
{
    public const string BearerScheme = "Bearer";

    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Identity"] = "Signing in for scripts: a bearer token from e-mail and password. Accounts are made by administrators, so the self-service endpoints answer 404.",
        ["Consortia"] = "GP commissioning consortia you may read, with their readiness and track.",
        ["Scoring"] = "The stateless readiness scorer.",
        ["Frameworks"] = "Readiness frameworks and their versions.",
        ["Assessments"] = "A consortium's submitted assessments and its current draft.",
        ["Dashboards"] = "Regional and national headline figures.",
    };

    /// <summary>The Identity endpoints, which the framework maps without names or summaries, by method and route.</summary>
    private static readonly Dictionary<string, (string OperationId, string Summary, int[] Problems)> IdentityOperations = new(StringComparer.Ordinal)
    {
        ["POST /api/identity/login"] = ("SignIn", "Signs in with { email, password } and returns a bearer token and a refresh token.", [400, 401]),
        ["POST /api/identity/refresh"] = ("RefreshToken", "Exchanges a refresh token for a new bearer token.", [400, 401]),
        ["POST /api/identity/register"] = ("Register", "Not available: accounts are made by administrators.", [400, 404]),
        ["GET /api/identity/confirmEmail"] = ("ConfirmEmail", "Not available: accounts are made by administrators.", [400, 404]),
        ["POST /api/identity/resendConfirmationEmail"] = ("ResendConfirmationEmail", "Not available: accounts are made by administrators.", [400, 404]),
        ["POST /api/identity/forgotPassword"] = ("ForgotPassword", "Not available: administrators reset passwords.", [400, 404]),
        ["POST /api/identity/resetPassword"] = ("ResetPassword", "Not available: administrators reset passwords.", [400, 404]),
        ["POST /api/identity/manage/2fa"] = ("ManageTwoFactor", "Not available: accounts are managed by administrators.", [400, 404]),
        ["GET /api/identity/manage/info"] = ("GetAccountInfo", "Not available: accounts are managed by administrators.", [404]),
        ["POST /api/identity/manage/info"] = ("ChangeAccountInfo", "Not available: accounts are managed by administrators.", [400, 404]),
    };

    public static IServiceCollection AddTransitionTrackerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(DescribeDocumentAsync);
            options.AddOperationTransformer(DescribeOperationAsync);
        });

    public static IEndpointConventionBuilder MapTransitionTrackerOpenApi(this WebApplication app)
    {
        var document = app.MapOpenApi();
        return app.Environment.IsDevelopment() ? document.AllowAnonymous() : document;
    }

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken from POST /api/identity/login, sent as Authorization: Bearer <token>.",
        };

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        // The server address is taken from the request; with a trailing slash, clients would request "//api/...".
        foreach (var server in document.Servers ?? Enumerable.Empty<OpenApiServer>())
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        return Task.CompletedTask;
    }

    private static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var key = $"{description.HttpMethod} /{description.RelativePath?.TrimEnd('/')}";
        if (IdentityOperations.TryGetValue(key, out var identity))
        {
            operation.OperationId ??= identity.OperationId;
            operation.Summary ??= identity.Summary;
            foreach (var status in identity.Problems)
            {
                AddProblem(operation, status, context.Document);
            }
        }

        // The authorization middleware lets an endpoint with [AllowAnonymous] through; every other one needs a user.
        var anonymous = description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        operation.Security = anonymous
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        if (!anonymous)
        {
            AddProblem(operation, StatusCodes.Status401Unauthorized, context.Document);
        }

        return Task.CompletedTask;
    }

    private static void AddProblem(OpenApiOperation operation, int status, OpenApiDocument? document)
    {
        operation.Responses ??= [];
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(code))
        {
            return;
        }

        operation.Responses[code] = new OpenApiResponse
        {
            Description = ReasonPhrases.GetReasonPhrase(status),
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
            },
        };
    }
}
