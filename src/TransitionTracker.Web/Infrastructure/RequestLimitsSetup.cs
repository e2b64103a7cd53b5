using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace TransitionTracker.Web.Infrastructure;

/// <summary>Request size limits: Kestrel's, the form reader's, and the pipeline's own body check.</summary>
public static class RequestLimitsSetup
{
    public static WebApplicationBuilder AddTransitionTrackerRequestLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RequestLimits.Section).Get<RequestLimits>() ?? new RequestLimits();
        builder.Services.Configure<RequestLimits>(builder.Configuration.GetSection(RequestLimits.Section));
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = limits.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxHeadersTotalBytes;
            kestrel.Limits.MaxRequestHeaderCount = limits.MaxHeaderCount;
            kestrel.Limits.MaxRequestLineSize = limits.MaxRequestLineBytes;
        });
        builder.Services.Configure<FormOptions>(form =>
        {
            form.ValueCountLimit = limits.MaxFormValues;
            form.ValueLengthLimit = limits.MaxFormValueBytes;
            form.KeyLengthLimit = limits.MaxFormKeyBytes;
            form.MultipartBodyLengthLimit = limits.MaxBodyBytes;
        });
        return builder;
    }

    /// <summary>Goes after the status code pages and API problem details middleware, which turn its 413 into a page or problem.</summary>
    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestSizeLimitMiddleware>();
}
