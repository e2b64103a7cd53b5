using System.Globalization;
using System.Text.Json;

namespace TransitionTracker.Web.Api;

/// <summary>
/// Reads a JSON request body of at most <c>limit</c> bytes, so an oversized body is refused with a clear message
/// before it is parsed, and malformed JSON is a 400 that says where it broke.
/// </summary>
public static class JsonRequestBody
{
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                title: "The request is not JSON.",
                detail: "Send the body as application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, Invalid("The request has no body: send a JSON object."));
        }

        try
        {
            return (JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 32 }), null);
        }
        catch (JsonException e)
        {
            return (null, Invalid($"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
    }

    private static IResult TooLarge(int limit) => TypedResults.Problem(
        title: "The request is too large.",
        detail: $"Send at most {limit / 1024} KB.",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult Invalid(string detail) => TypedResults.Problem(
        title: "The request is not valid.",
        detail: detail,
        statusCode: StatusCodes.Status400BadRequest);

    /// <summary>
    /// Reads the body as a JSON object (within <paramref name="limit"/> bytes) and hands it to <paramref name="use"/>
    /// with a list for the problems found in it; anything else is a 4xx problem, naming <paramref name="shape"/>.
    /// </summary>
    public static async Task<IResult> WithObjectAsync(
        HttpRequest request, int limit, string shape, Func<JsonElement, List<(string Path, string Message)>, Task<IResult>> use, CancellationToken cancellationToken)
    {
        var (document, problem) = await ReadAsync(request, limit, cancellationToken);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? await use(document.RootElement, [])
                : ValidationProblems.From([("$", $"The body must be a JSON object: {shape}.")]);
        }
    }

    /// <summary>
    /// An optional string property: null when absent or null; otherwise a string, or a problem naming it
    /// (<c>$.name</c>) when it is some other JSON value.
    /// </summary>
    public static string? OptionalString(JsonElement root, string name, List<(string Path, string Message)> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(($"$.{name}", $"{name} must be a string or null."));
            return null;
        }

        return value.GetString();
    }

    /// <summary>An optional date property written as YYYY-MM-DD: null when absent or null, or a problem naming it.</summary>
    public static DateOnly? OptionalDate(JsonElement root, string name, List<(string Path, string Message)> problems)
    {
        if (OptionalString(root, name, problems) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(($"$.{name}", $"{name} must be a date as YYYY-MM-DD, for example 2011-04-01."));
        return null;
    }
}
