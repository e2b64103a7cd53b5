using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace TransitionTracker.Web.Infrastructure;

/// <summary>
/// Refuses a request body over <see cref="RequestLimits.MaxBodyBytes"/> with 413, a form the form limits refuse
/// (too many fields, a field too long) with 413 too, and a form that cannot be read with 400, instead of letting
/// the failure surface as a 500 or as a missing antiforgery token.
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

        // An evidence file upload may be as large as the largest file; its endpoint reads the multipart body itself, as it arrives.
        var upload = Api.EvidenceApi.IsUpload(context.Request);
        var limit = upload ? Api.EvidenceApi.MaxUploadRequestBytes : _limit;
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context);
            return;
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }
        else if (sizeFeature is null && context.Request.ContentLength is null)
        {
            context.Request.Body = new LimitedRequestStream(context.Request.Body, limit);
        }

        try
        {
            // Reading the form here (it is cached for the endpoint) makes the form limits answer 413, and a
            // malformed form 400, before antiforgery validation reads it and reports either as a missing token.
            if (context.Request.HasFormContentType && !upload)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
        }
        catch (InvalidDataException e)
        {
            // The form reader names its limits ("Form value count limit 500 exceeded."); anything else is a broken form.
            if (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
            {
                await RefuseAsync(context);
            }
            else
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "The request is not valid.", "The form could not be read. Nothing was changed.");
            }

            return;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RefuseAsync(context);
            return;
        }
        catch (IOException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // A multipart body that ends before its closing boundary.
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "The request is not valid.", "The form could not be read. Nothing was changed.");
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await RefuseAsync(context);
        }
    }

    private Task RefuseAsync(HttpContext context) => RefuseAsync(
        context, StatusCodes.Status413PayloadTooLarge, "The request is too large.", $"Send at most {_limit / 1024:N0} KB in one request. Nothing was changed.");

    private async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = status, Title = title, Detail = detail },
            });
        }
    }
}
