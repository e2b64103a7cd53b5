using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;

namespace TransitionTracker.Web.Api;

/// <summary>
/// Refuses an API request whose JSON body holds a string (a value or a property name) that is not UTF-8 text with
/// a 400 problem naming where it is, as <see cref="ValidationProblems"/> does. The JSON parser accepts such bytes
/// and only fails when the string is read, which every endpoint — ours and the Identity endpoints alike — would
/// otherwise turn into a 500 or a message that names no field.
/// </summary>
public sealed class Utf8JsonBodyMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api")
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || !context.Request.HasJsonContentType())
        {
            await next(context);
            return;
        }

        // The body is read once here (within the request size limit) and rewound for the endpoint.
        context.Request.EnableBuffering();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Request.Body.Position = 0;
        var paths = InvalidStringPaths(body.GetBuffer().AsMemory(0, (int)body.Length));
        if (paths.Count == 0)
        {
            await next(context);
            return;
        }

        var problems = paths.Select(p => new { path = p.Path, message = p.Message }).ToList();
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Detail = problems.Count == 1 ? problems[0].message : $"{problems.Count} problems: see 'problems'.",
                Extensions = { ["problems"] = problems },
            },
        });
    }

    /// <summary>Every string in <paramref name="json"/> that is not UTF-8, by JSON path; none for malformed JSON, which the endpoint refuses itself.</summary>
    private static IReadOnlyList<(string Path, string Message)> InvalidStringPaths(ReadOnlyMemory<byte> json)
    {
        if (Utf8.IsValid(json.Span))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var paths = new List<(string, string)>();
            Collect(document.RootElement, "$", paths);
            return paths;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void Collect(JsonElement element, string path, List<(string, string)> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsText(property))
                    {
                        paths.Add((path, $"A property name in {path} is not UTF-8 text: send the body encoded as UTF-8."));
                        continue;
                    }

                    Collect(property.Value, $"{path}.{property.Name}", paths);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, $"{path}[{index++}]", paths);
                }

                break;
            case JsonValueKind.String when !IsText(element):
                paths.Add((path, $"{path} is not UTF-8 text: send the body encoded as UTF-8."));
                break;
        }
    }

    private static bool IsText(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsText(JsonElement element)
    {
        try
        {
            element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
