using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace TransitionTracker.Web.Infrastructure;

/// <summary>
/// Refuses a request body over <see cref="RequestLimits.MaxBodyBytes"/> with 413, and a form the form limits
/// refuse (too many fields, a field too long) with 413 too, instead of letting the failure surface as a 500.
/// Under /api the answer is problem details; people get the NHS-styled status page (re-executed by the status
/// code pages middleware, which runs outside this one).
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<RequestLimits> options, IProblemDetailsService problemDetails)
{
    private readonly long _limit = options.Value.MaxBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        // The status page shown for a refusal runs this pipeline again for the same request.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        if (context.Request.ContentLength > _limit)
        {
            await RefuseAsync(context);
            return;
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = _limit;
        }
        else if (sizeFeature is null && context.Request.ContentLength is null)
        {
            context.Request.Body = new LimitedRequestStream(context.Request.Body, _limit);
        }

        try
        {
            // Reading the form here (it is cached for the endpoint) makes the form limits answer 413 before
            // antiforgery validation reads it and reports a broken form as a missing token.
            if (context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }

            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await RefuseAsync(context);
        }
        catch (InvalidDataException) when (context.Request.HasFormContentType && !context.Response.HasStarted)
        {
            // The form reader's own limits (field count, field or key length, multipart sections).
            await RefuseAsync(context);
        }
    }

    private async Task RefuseAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request is too large.",
                    Detail = $"Send at most {_limit / 1024:N0} KB in one request. Nothing was changed.",
                },
            });
        }
    }
}
