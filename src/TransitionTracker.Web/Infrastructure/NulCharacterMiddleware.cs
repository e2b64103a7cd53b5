using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace TransitionTracker.Web.Infrastructure;

/// <summary>
/// Refuses an API request with a NUL character (U+0000) in its query string or in a string of its JSON body with
/// 400 problem details. No value the app stores or looks up may hold one, and PostgreSQL cannot take one in a text
/// parameter at all (it fails the query, which would be a 500). Pages need no such guard: their forms validate
/// every field, and they ignore a filter that matches nothing.
/// </summary>
public sealed class NulCharacterMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        var where = context.Request.Query.Any(p => p.Key.Contains('\0', StringComparison.Ordinal) || p.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            ? "The query string"
            : context.Request.HasJsonContentType() && await JsonBodyHasNulAsync(context.Request)
                ? "The JSON body"
                : null;
        if (where is null)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Detail = $"{where} contains a NUL character (U+0000), which no value may hold. Nothing was changed.",
            },
        });
    }

    // The body is read once here (within the request size limit) and rewound for the endpoint.
    private static async Task<bool> JsonBodyHasNulAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return HasNul(body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    private static bool HasNul(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
                // JSON can only carry a NUL as the escape \u0000.
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                    && reader.ValueIsEscaped
                    && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or not UTF-8: the endpoint refuses it with its own message.
        }

        return false;
    }
}
