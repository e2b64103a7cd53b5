using Microsoft.AspNetCore.Hosting;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>The app with its read cache off (<c>ReadCache:Enabled=false</c>): every read goes to the database.</summary>
public sealed class UncachedTransitionTrackerFactory : TransitionTrackerFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ReadCache:Enabled", "false");
    }
}
