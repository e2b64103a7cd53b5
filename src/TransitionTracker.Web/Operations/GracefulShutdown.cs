namespace TransitionTracker.Web.Operations;

/// <summary>
/// On SIGTERM (or Ctrl+C, or <c>StopAsync</c>) Kestrel stops accepting connections at once and lets requests
/// already in flight finish, for up to <c>Host:ShutdownTimeout</c> (default 30 seconds; a time span such as 00:00:30),
/// before the process exits. A container's stop grace period must be longer than this.
/// </summary>
public static class GracefulShutdown
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static WebApplicationBuilder AddGracefulShutdown(this WebApplicationBuilder builder)
    {
        var timeout = builder.Configuration.GetValue("Host:ShutdownTimeout", DefaultTimeout);
        if (timeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Host:ShutdownTimeout is {timeout}; it must be a positive time span such as 00:00:30.");
        }

        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = timeout);
        return builder;
    }
}
