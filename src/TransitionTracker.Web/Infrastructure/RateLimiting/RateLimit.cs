namespace TransitionTracker.Web.Infrastructure.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> requests in each fixed window of <see cref="WindowSeconds"/> seconds.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
