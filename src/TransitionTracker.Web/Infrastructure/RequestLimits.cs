namespace TransitionTracker.Web.Infrastructure;

/// <summary>
/// How large a request may be (configuration section <c>RequestLimits</c>). Kestrel enforces the body and header
/// limits on the wire; <see cref="RequestSizeLimitMiddleware"/> enforces the body limit again in the pipeline, so
/// the answer is the same behind any server and in tests.
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "RequestLimits";

    /// <summary>The largest request body: 1 MB. Endpoints refuse smaller bodies of their own (JSON, uploads).</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The most fields a form may post. The largest form (a framework domain's answers) has under 100.</summary>
    public int MaxFormValues { get; set; } = 500;

    /// <summary>The longest single form value: a framework document re-posted for publishing is up to 256 KB.</summary>
    public int MaxFormValueBytes { get; set; } = 512 * 1024;

    /// <summary>The longest form field name.</summary>
    public int MaxFormKeyBytes { get; set; } = 256;

    /// <summary>All request headers together (Kestrel answers 431 above it).</summary>
    public int MaxHeadersTotalBytes { get; set; } = 32 * 1024;

    /// <summary>The most request headers (Kestrel answers 431 above it).</summary>
    public int MaxHeaderCount { get; set; } = 100;

    /// <summary>The request line: method, path and query (Kestrel answers 414 above it).</summary>
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;
}
