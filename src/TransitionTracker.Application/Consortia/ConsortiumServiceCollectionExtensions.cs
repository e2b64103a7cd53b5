using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Application.Consortia;

public static class ConsortiumServiceCollectionExtensions
{
    /// <summary>Reading consortia: lists, one consortium, its members and PCTs, and its status page's contents.</summary>
    public static IServiceCollection AddTransitionTrackerConsortia(this IServiceCollection services) =>
        services.AddScoped<ConsortiumCatalogue>().AddScoped<ConsortiumStatus>();
}
