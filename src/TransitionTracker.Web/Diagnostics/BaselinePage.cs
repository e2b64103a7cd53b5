using System.Globalization;
using System.Text;

namespace TransitionTracker.Web.Diagnostics;

/// <summary>
/// `GET /dev/baseline?bytes=N` (Development only): a static HTML page of exactly N bytes that touches no database
/// and renders nothing. The load script measures it beside each real page of the same size, so every figure can be
/// read as a share of what HTTP alone costs on the same machine.
/// </summary>
public static class BaselinePage
{
    public const string Path = "/dev/baseline";

    public const int MaxBytes = 8 * 1024 * 1024;

    private static readonly byte[] Head = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Baseline</title></head><body><h1>Baseline</h1><p>");

    private static readonly byte[] Tail = Encoding.UTF8.GetBytes("</p></body></html>");

    private static readonly byte[] Filler = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Readiness of GP commissioning consortia. ", 100)));

    public static int MinBytes => Head.Length + Tail.Length;

    /// <summary>Maps the page in Development; elsewhere the route does not exist.</summary>
    public static IEndpointRouteBuilder MapBaselinePage(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            app.MapGet(Path, WriteAsync).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    private static async Task<IResult> WriteAsync(HttpContext context, string? bytes, CancellationToken cancellationToken)
    {
        if (!int.TryParse(bytes, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < MinBytes || size > MaxBytes)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The page size is not valid.",
                detail: $"'bytes' must be a whole number from {MinBytes} to {MaxBytes}.");
        }

        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = size;
        await response.Body.WriteAsync(Head, cancellationToken);
        for (var left = size - Head.Length - Tail.Length; left > 0; left -= Filler.Length)
        {
            await response.Body.WriteAsync(Filler.AsMemory(0, Math.Min(left, Filler.Length)), cancellationToken);
        }

        await response.Body.WriteAsync(Tail, cancellationToken);
        return TypedResults.Empty;
    }
}
