namespace TransitionTracker.Web.Infrastructure.RateLimiting;

/// <summary>
/// Configuration section `RateLimiting`: `Enabled` (default true), `SignIn` (per client IP) and `Api` (per user, or
/// per client IP when anonymous), each a number of requests allowed in a fixed window of seconds.
/// </summary>
public sealed class RateLimitingSettings
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    public RateLimit Api { get; set; } = new() { PermitLimit = 300, WindowSeconds = 10 };

    public static RateLimitingSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<RateLimitingSettings>() ?? new RateLimitingSettings();
        foreach (var (name, limit) in new[] { ("SignIn", settings.SignIn), ("Api", settings.Api) })
        {
            if (limit.PermitLimit < 1 || limit.WindowSeconds < 1)
            {
                throw new InvalidOperationException(
                    $"{SectionName}:{name} must allow at least 1 request in a window of at least 1 second; it is {limit.PermitLimit} in {limit.WindowSeconds} s.");
            }
        }

        return settings;
    }
}
