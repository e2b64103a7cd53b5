namespace TransitionTracker.Web.Infrastructure;

/// <summary>
/// Security headers on every response. The Content-Security-Policy allows scripts only from this site's own files
/// (no inline script, no eval) and no framing; styles may be inline, as MudBlazor writes its theme and component
/// positions as inline styles (docs/security.md). The interactive circuit connects to this site only. API answers and exports are
/// also marked not to be stored.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IHostEnvironment environment)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!environment.IsDevelopment())
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            // API answers and exports (CSV and Excel) hold data only the signed-in user may see: no browser or proxy may keep them.
            if (context.Request.Path.StartsWithSegments("/api") || IsExport(context.Response.ContentType))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsExport(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith(Application.Exports.ExportFormats.ExcelContentType, StringComparison.OrdinalIgnoreCase));
}
