using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>The app on its own database, with the clock at 09:30 on 15 March 2011 (UK time is UTC then) until a test moves it.</summary>
public sealed class ClockedFactory : TransitionTrackerFactory
{
    public static readonly DateOnly Today = new(2011, 3, 15);

    public TestClock Clock { get; } = new(new DateTimeOffset(2011, 3, 15, 9, 30, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
